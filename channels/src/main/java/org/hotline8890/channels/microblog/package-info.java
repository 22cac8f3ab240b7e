/**
 * The government microblog account (政务微博) as a channel: polls mentions and comments addressed to
 * the account on Weibo (open API v2) and on a Mastodon-compatible server, publishes each one that
 * has words as a contact, and answers a case publicly on the platform its post came from. Ids are
 * qualified by platform ({@code weibo:...}, {@code mastodon:...}) so they never collide.
 */
package org.hotline8890.channels.microblog;

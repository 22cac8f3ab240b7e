package org.hotline8890.channels.microblog;

import java.time.Instant;

/**
 * A post or comment addressed to the government account, as read from a platform.
 *
 * @param cursorId    the id the feed is read on from ({@code since_id}): the post's own id on Weibo,
 *                    the notification's id on Mastodon
 * @param id          the post's platform-qualified id
 * @param parentId    the platform-qualified id of the post or comment it answers, or null
 * @param authorId    the author's user id on the platform (to skip the account's own posts)
 * @param authorHandle the author's platform-qualified handle, e.g. {@code weibo:@name}
 * @param text        plain text
 */
record MicroblogPost(String cursorId, String id, String parentId, String authorId, String authorHandle,
                     String authorName, String text, Instant createdAt) {
}

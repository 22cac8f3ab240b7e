/**
 * Bad input and abuse: per-address rate limits on the citizen endpoints, and throttling of
 * query-code guessing per case number and per address (buckets live in memory on each node), and
 * refusal of text that is not valid UTF-8 before it can be stored.
 */
package org.hotline8890.abuse;

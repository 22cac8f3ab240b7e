/**
 * Bad input and abuse: per-address rate limits on the citizen endpoints, and throttling of
 * query-code guessing per case number and per address. Buckets live in memory on each node.
 */
package org.hotline8890.abuse;

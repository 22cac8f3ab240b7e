package org.hotline8890.channels.microblog;

import java.util.List;

/** What the channel needs of one platform: read the feeds addressed to the account, reply publicly. */
interface PlatformApi {

    Platform platform();

    /** The feeds to read, each with its own read position, e.g. {@code mentions} and {@code comments}. */
    List<String> feeds();

    /**
     * One page of a feed, newest first: entries newer than {@code sinceId} (all, if null) and older
     * than {@code olderThan} (no bound, if null), both cursor ids.
     */
    Page read(String feed, String sinceId, String olderThan, int count) throws ApiFailure;

    /**
     * One page as returned. {@code posts} are the entries that are posts addressed to the account;
     * {@code newest} and {@code oldest} are the cursor ids of everything returned (null if nothing),
     * so that entries that are not posts are read past too.
     */
    record Page(List<MicroblogPost> posts, int returned, String newest, String oldest) {
    }

    /** What a public reply to {@code recipientHandle} starts with, so that it reaches them; may be empty. */
    String salutation(String recipientHandle);

    /**
     * Replies publicly to a post or comment.
     *
     * @param parentId the qualified id of the post or comment answered
     * @return the qualified id of the reply, so an answer to it finds its case
     */
    String reply(String parentId, String text, long idempotencyKey) throws ApiFailure;
}

package org.hotline8890.channels;

import java.util.Optional;

/**
 * Which case a queued contact became. The queue is asynchronous: a channel that wants to tell the
 * sender the case number at once (the IVR reading it back) publishes, then asks here until the
 * engine has consumed the contact, and falls back to "the number follows by SMS" if it takes too
 * long. The query code is never available here: the citizen gets it once, in the acceptance message.
 */
public interface IntakeReceipts {

    /** The case number the contact opened or joined, once the engine has consumed it. */
    Optional<String> caseNumberFor(Channel channel, String channelMessageId);

    /**
     * The channel's id of the latest contact of this case that arrived on {@code channel} (a mail's
     * Message-ID, a post id), for threading a reply to it.
     */
    Optional<String> latestContactId(String caseNumber, Channel channel);
}

package org.hotline8890.channels;

/**
 * Delivers outbox messages on one channel. The engine calls {@link #send} for each unsent
 * notification whose channel this is, and marks it sent only when it returns; a
 * {@link DeliveryException} is retried with backoff unless it is permanent.
 */
public interface OutboundChannel {

    Channel channel();

    /**
     * Sends one message.
     *
     * @return the channel's own id of the sent message (mail Message-ID, SMS sid, post id), kept so
     *     that a citizen's reply to it finds its case; null if the channel has none
     */
    String send(OutboundMessage message) throws DeliveryException;
}

package org.hotline8890.channels;

/**
 * The intake queue. {@link #publish} returns only once the contact is durably queued (a broker
 * confirm, or a committed row in the embedded default), so an adapter may acknowledge the sender
 * right after it returns.
 */
public interface IntakeQueue {

    void publish(ContactMessage contact);
}

/**
 * Channels: the channel-neutral contact message every adapter produces, and the intake queue it is
 * published to. Adapters never touch case tables; the engine's intake consumer turns a contact into a
 * case (or appends it to one) exactly once, keyed by channel and the channel's own message id.
 */
package org.hotline8890.channels;

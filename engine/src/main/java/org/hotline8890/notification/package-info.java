/**
 * Notifications: what each citizen must be told at the milestones they care about (accepted,
 * dispatched, extension granted, replied, asked for feedback, closed, rejected, merged), kept as a
 * durable outbox in case order. Channel adapters deliver on the channel the request came from.
 */
package org.hotline8890.notification;

/**
 * Intake: turns channel-neutral contacts into cases exactly once. The consumer is idempotent on
 * (channel, channel message id); the queue is a durable table in the embedded default and RabbitMQ
 * in production (publisher confirms, manual acknowledgement after commit, a dead-letter queue).
 */
package org.hotline8890.intake;

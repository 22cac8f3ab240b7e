package org.hotline8890.notification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox is delivered.
 *
 * @param pollInterval how often due notifications are looked for, in milliseconds
 * @param batchSize    how many are sent per look
 * @param maxAttempts  failed attempts before a notification is given up as FAILED
 * @param firstRetry   wait after the first failure; it doubles with every further failure
 * @param maxRetry     the longest wait between two attempts
 * @param claimTimeout how long one node holds a notification it is sending before another may try;
 *                     longer than any adapter's own timeout, so two nodes never send at once
 */
@ConfigurationProperties("hotline.delivery")
record DeliverySettings(@DefaultValue("2000") long pollInterval,
                        @DefaultValue("50") int batchSize,
                        @DefaultValue("8") int maxAttempts,
                        @DefaultValue("30s") Duration firstRetry,
                        @DefaultValue("1h") Duration maxRetry,
                        @DefaultValue("2m") Duration claimTimeout) {
}

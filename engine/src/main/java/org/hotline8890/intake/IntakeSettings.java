package org.hotline8890.intake;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultDistrict the district code for contacts that do not say where (usually the city)
 * @param pollInterval    how often the embedded queue looks for new contacts, in milliseconds
 * @param maxAttempts     transient failures tolerated before a contact is set aside as dead
 * @param outagePause     how long the RabbitMQ consumer holds a contact it could not store because the
 *                        database was unreachable before handing it back to the queue (docs/faults.md)
 * @param parentWait      how long after its receipt a reply whose parent message is not known yet waits
 *                        for it on the RabbitMQ queue: several consumers take a post and a comment on it
 *                        from the same poll at once, and the comment must join the post's case
 */
@ConfigurationProperties("hotline.intake")
record IntakeSettings(@DefaultValue("CITY") String defaultDistrict,
                      @DefaultValue("500") long pollInterval,
                      @DefaultValue("5") int maxAttempts,
                      @DefaultValue("2s") Duration outagePause,
                      @DefaultValue("60s") Duration parentWait) {
}

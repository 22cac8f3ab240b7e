package org.hotline8890.knowledge;

import java.time.Duration;
import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param refreshInterval how often each node re-reads articles changed on other nodes
 * @param refreshOverlap  how far before the last change seen a refresh reads again: covers clocks of
 *                        nodes that differ and transactions that commit after a later one
 * @param expiryCron      when the daily expiry runs, in the hotline's time zone
 * @param expiringWithin  how far ahead the owners' list of expiring articles looks
 * @param searchLimit     at most this many articles per search
 */
@ConfigurationProperties("hotline.knowledge")
record KnowledgeSettings(
        @DefaultValue("30s") Duration refreshInterval,
        @DefaultValue("5m") Duration refreshOverlap,
        @DefaultValue("0 10 1 * * *") String expiryCron,
        @DefaultValue("P30D") Period expiringWithin,
        @DefaultValue("20") int searchLimit) {
}

package org.hotline8890.abuse;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits for citizens, who need no login. Each limit is a count per period, per client address.
 *
 * @param submissions      new requests (web form, mailbox form, Open311) per address
 * @param lookups          calls under {@code /api/citizen/cases/**} (look-ups and ratings) per address
 * @param failuresPerCase  wrong query codes for one case number, from any address, before that case
 *                         number is refused for everyone until the period refills
 * @param failuresPerAddress wrong query codes from one address, for any case numbers, before that
 *                         address is refused for every look-up
 * @param trustedProxies   addresses of our own reverse proxies; only a request from one of them may
 *                         name the client in {@code X-Forwarded-For}
 */
@ConfigurationProperties("hotline.abuse")
public record AbuseSettings(Limit submissions, Limit lookups, Limit failuresPerCase, Limit failuresPerAddress,
                            @DefaultValue List<String> trustedProxies) {

    public AbuseSettings {
        submissions = submissions != null ? submissions : new Limit(10, Duration.ofMinutes(1));
        lookups = lookups != null ? lookups : new Limit(30, Duration.ofMinutes(1));
        failuresPerCase = failuresPerCase != null ? failuresPerCase : new Limit(5, Duration.ofMinutes(15));
        failuresPerAddress = failuresPerAddress != null ? failuresPerAddress : new Limit(20, Duration.ofMinutes(15));
    }

    /** {@code count} events per {@code period}, refilled gradually. */
    public record Limit(@DefaultValue("10") int count, @DefaultValue("1m") Duration period) {
        public Limit {
            if (count < 1 || period == null || period.isZero() || period.isNegative()) {
                throw new IllegalArgumentException("a limit needs a positive count and period");
            }
        }
    }
}

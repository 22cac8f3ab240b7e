package org.hotline8890.workflow;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The assisting limit (协办时限, hotline.assisting): how long an assisting unit has for its contribution.
 * Typed settings rather than a table: it is one rule of the city's hotline regulation, and it must hold
 * from the first start (docs/assisting.md explains the defaults).
 *
 * @param workingDays       working days after the request by which the contribution is due
 * @param marginWorkingDays working days the lead keeps after the last contribution to write the one reply
 * @param shareOfRemaining  when the lead's deadline is too near for whole working days (urgent cases, a late
 *                          request): the share of the lead's remaining time the assisting unit gets
 */
@ConfigurationProperties("hotline.assisting")
record AssistingSettings(@DefaultValue("3") int workingDays, @DefaultValue("1") int marginWorkingDays,
                         @DefaultValue("0.5") double shareOfRemaining) {

    AssistingSettings {
        if (workingDays < 1) {
            throw new IllegalArgumentException("hotline.assisting.working-days must be at least 1, got " + workingDays);
        }
        if (marginWorkingDays < 0) {
            throw new IllegalArgumentException("hotline.assisting.margin-working-days must not be negative");
        }
        if (shareOfRemaining <= 0 || shareOfRemaining >= 1) {
            throw new IllegalArgumentException("hotline.assisting.share-of-remaining must lie between 0 and 1");
        }
    }
}

package org.hotline8890.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param poolSize connections of the case-number counter's own pool. Each allocation holds one for a
 *                 millisecond or two, so a few serve hundreds of intakes a second; more only queue on the
 *                 counter row's lock.
 */
@ConfigurationProperties("hotline.case-numbers")
record CaseNumberSettings(@DefaultValue("3") int poolSize) {

    CaseNumberSettings {
        if (poolSize < 1) {
            throw new IllegalArgumentException("hotline.case-numbers.pool-size must be at least 1, was " + poolSize);
        }
    }
}

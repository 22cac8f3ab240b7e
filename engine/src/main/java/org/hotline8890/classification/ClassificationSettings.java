package org.hotline8890.classification;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled             off: the classifier learns nothing and suggests nothing (the bean still exists)
 * @param retrainInterval     how often the model is rebuilt from all closed cases (cases closed on other
 *                            nodes, corrected labels); cases closed on this node are learnt at once
 * @param minExamplesPerLabel a label is suggested only once this many examples of it were learnt
 * @param maxCases            at most this many of the most recently closed cases are learnt
 */
@ConfigurationProperties("hotline.classification")
record ClassificationSettings(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("1h") Duration retrainInterval,
        @DefaultValue("5") int minExamplesPerLabel,
        @DefaultValue("50000") int maxCases) {
}

package org.hotline8890.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The weights of the monthly ranking's composite score (docs/metrics.md, 月度排名) and the fewest
 * dispatched cases a department needs in the month to be ranked at all. Weights are relative: only
 * their proportions matter, and a figure with no decided case drops out with its weight.
 *
 * @param onTimeSign       weight of the on-time sign rate
 * @param onTimeCompletion weight of the on-time completion rate
 * @param satisfaction     weight of the satisfaction rate
 * @param noReturn         weight of the share of dispatched cases never returned (1 − return rate)
 * @param noRehandling     weight of the share of rated-for cases never re-handled (1 − re-handling rate)
 * @param minimumCases     a department with fewer dispatched cases in the month is listed as not ranked
 */
@ConfigurationProperties("hotline.ranking")
public record RankingSettings(
        @DefaultValue("0.25") double onTimeSign,
        @DefaultValue("0.30") double onTimeCompletion,
        @DefaultValue("0.30") double satisfaction,
        @DefaultValue("0.10") double noReturn,
        @DefaultValue("0.05") double noRehandling,
        @DefaultValue("5") int minimumCases) {

    public RankingSettings {
        if (onTimeSign < 0 || onTimeCompletion < 0 || satisfaction < 0 || noReturn < 0 || noRehandling < 0
                || onTimeSign + onTimeCompletion + satisfaction + noReturn + noRehandling <= 0) {
            throw new IllegalArgumentException("ranking weights must not be negative and must not all be zero");
        }
        if (minimumCases < 1) {
            throw new IllegalArgumentException("hotline.ranking.minimum-cases must be at least 1");
        }
    }
}

package org.hotline8890.merging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How repeat requests (并单) and hot issues (热点诉求) are found; docs/merging.md.
 *
 * @param windowDays        only open cases received at most this many days from the request count
 * @param minScore          the lowest text similarity (cosine of smartcn word weights, 0..1) that is
 *                          suggested; measured on the labelled pairs in docs/merging.md
 * @param candidates        how many index hits per request are scored exactly
 * @param hotIssueMinCases  a group of open cases is a hot issue from this many cases on
 * @param refreshInterval   how often each node rebuilds its index of open cases from the table, to
 *                          pick up changes committed on other nodes
 */
@ConfigurationProperties("hotline.merging")
record MergingSettings(
        @DefaultValue("30") int windowDays,
        @DefaultValue("0.28") double minScore,
        @DefaultValue("50") int candidates,
        @DefaultValue("3") int hotIssueMinCases,
        @DefaultValue("5m") Duration refreshInterval) {

    MergingSettings {
        if (windowDays < 1 || minScore <= 0 || minScore > 1 || candidates < 1 || hotIssueMinCases < 2) {
            throw new IllegalArgumentException("hotline.merging: window-days >= 1, 0 < min-score <= 1, "
                    + "candidates >= 1, hot-issue-min-cases >= 2");
        }
    }

    Duration window() {
        return Duration.ofDays(windowDays);
    }
}

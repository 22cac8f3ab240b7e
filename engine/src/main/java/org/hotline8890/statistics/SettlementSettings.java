package org.hotline8890.statistics;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How {@link FigureSettlement} folds settled cases into the stored totals (docs/metrics.md, "How the figures
 * are computed").
 *
 * @param interval how long the settlement waits between runs; until a finished case is folded the reports
 *                 compute it live, which is exact, so this only bounds how many such cases they read
 * @param grace    a case is folded only once its last deadline is this long past, so a node whose clock is
 *                 behind the folding node's by less than this computes the same figures for it
 * @param batch    cases per transaction: small enough to keep row locks short, large enough to fold a
 *                 day's closures in a few seconds
 */
@ConfigurationProperties("hotline.statistics.settlement")
public record SettlementSettings(
        @DefaultValue("PT1M") Duration interval,
        @DefaultValue("PT10M") Duration grace,
        @DefaultValue("500") int batch) {

    public SettlementSettings {
        if (grace.isNegative()) {
            throw new IllegalArgumentException("hotline.statistics.settlement.grace must not be negative");
        }
        if (batch < 1) {
            throw new IllegalArgumentException("hotline.statistics.settlement.batch must be at least 1");
        }
    }
}

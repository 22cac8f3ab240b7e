package org.hotline8890.statistics;

import java.time.Instant;
import java.util.Collection;

import org.hotline8890.assisting.AssistState;
import org.hotline8890.assisting.CaseAssist;

/**
 * 协办 figures for one group of assists, each unit counted for its own part: computed from the stored
 * deadlines and outcomes alone (docs/metrics.md, "Assisting units"). Assists the center withdrew are not
 * counted. Rates are null when their denominator is zero.
 *
 * @param received               assists requested of the unit (withdrawn ones excluded)
 * @param signDecided            not declined, and signed or past the sign-by time
 * @param signedOnTime           signed no later than the sign-by time
 * @param declined               declined with a reason
 * @param contributionDecided    not declined, and contributed, lapsed or past the contribute-by time
 * @param contributedOnTime      contributed no later than the contribute-by time
 * @param late                   decided but not contributed on time (contributed late, lapsed or still owed past the limit)
 */
public record AssistFigures(int received, int signDecided, int signedOnTime, Double onTimeSignRate, int declined,
                            int contributionDecided, int contributedOnTime, Double onTimeContributionRate, int late) {

    public static AssistFigures of(Collection<CaseAssist> assists, Instant now) {
        int received = 0, signDecided = 0, signedOnTime = 0, declined = 0, contributionDecided = 0, contributedOnTime = 0;
        for (CaseAssist a : assists) {
            if (a.getState() == AssistState.WITHDRAWN) {
                continue;
            }
            received++;
            if (a.getState() == AssistState.DECLINED) {
                declined++;
                continue;
            }
            if (a.getSignedAt() != null || a.getSignBy().isBefore(now)) {
                signDecided++;
                if (a.getSignedAt() != null && !a.getSignedAt().isAfter(a.getSignBy())) {
                    signedOnTime++;
                }
            }
            if (a.getContributedAt() != null || a.getState() == AssistState.LAPSED || a.getContributeBy().isBefore(now)) {
                contributionDecided++;
                if (a.getContributedAt() != null && !a.getContributedAt().isAfter(a.getContributeBy())) {
                    contributedOnTime++;
                }
            }
        }
        return new AssistFigures(received, signDecided, signedOnTime, rate(signedOnTime, signDecided), declined,
                contributionDecided, contributedOnTime, rate(contributedOnTime, contributionDecided),
                contributionDecided - contributedOnTime);
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : Math.round((double) numerator / denominator * 10_000) / 10_000.0;
    }
}

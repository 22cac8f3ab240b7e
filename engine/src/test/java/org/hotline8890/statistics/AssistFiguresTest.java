package org.hotline8890.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.hotline8890.assisting.AssistLimits;
import org.hotline8890.assisting.CaseAssist;
import org.junit.jupiter.api.Test;

/**
 * The 协办 figures against a set computed by hand (docs/metrics.md, "Assisting units"): each assist is
 * asked at T0, to sign within 2 hours and contribute within 3 days; the figures are read 10 days later.
 */
class AssistFiguresTest {

    private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
    private static final Instant NOW = T0.plus(Duration.ofDays(10));
    private static final AssistLimits LIMITS = new AssistLimits(T0.plus(Duration.ofHours(2)), T0.plus(Duration.ofDays(2)),
            T0.plus(Duration.ofDays(3)), true);

    @Test
    void eachUnitIsCountedForItsOwnPart() {
        CaseAssist onTime = asked();
        onTime.sign("u", T0.plus(Duration.ofHours(1)));
        onTime.contribute("已核查", "u", T0.plus(Duration.ofDays(2)));

        CaseAssist lateTwice = asked();
        lateTwice.sign("u", T0.plus(Duration.ofHours(3)));
        lateTwice.contribute("已核查", "u", T0.plus(Duration.ofDays(4)));

        CaseAssist declined = asked();
        declined.decline("不属于本单位职责", "u", T0.plus(Duration.ofHours(1)));

        CaseAssist withdrawn = asked();
        withdrawn.withdraw(null, "dispatcher", T0.plus(Duration.ofHours(1)));

        CaseAssist lapsed = asked();
        lapsed.sign("u", T0.plus(Duration.ofHours(1)));
        lapsed.lapse(T0.plus(Duration.ofDays(5)));

        CaseAssist neverSigned = asked();

        Instant later = NOW.minus(Duration.ofHours(1));
        CaseAssist stillRunning = CaseAssist.request(1L, 2L, new AssistLimits(later.plus(Duration.ofHours(2)),
                later.plus(Duration.ofDays(2)), later.plus(Duration.ofDays(3)), true), "dispatcher", later);

        AssistFigures f = AssistFigures.of(List.of(onTime, lateTwice, declined, withdrawn, lapsed, neverSigned, stillRunning), NOW);

        // Withdrawn is not counted; the still running one is received but not yet decided either way.
        assertThat(f.received()).isEqualTo(6);
        assertThat(f.declined()).isEqualTo(1);
        // Due for signing: onTime, lateTwice, lapsed, neverSigned (its sign-by passed); on time: onTime, lapsed.
        assertThat(f.signDecided()).isEqualTo(4);
        assertThat(f.signedOnTime()).isEqualTo(2);
        assertThat(f.onTimeSignRate()).isEqualTo(0.5);
        // Due for contribution: the same four; on time: onTime only; late: lateTwice, lapsed, neverSigned.
        assertThat(f.contributionDecided()).isEqualTo(4);
        assertThat(f.contributedOnTime()).isEqualTo(1);
        assertThat(f.onTimeContributionRate()).isEqualTo(0.25);
        assertThat(f.late()).isEqualTo(3);
    }

    @Test
    void noDecidedAssistGivesNoRate() {
        AssistFigures f = AssistFigures.of(List.of(asked()), T0.plus(Duration.ofMinutes(5)));
        assertThat(f.received()).isEqualTo(1);
        assertThat(f.onTimeSignRate()).isNull();
        assertThat(f.onTimeContributionRate()).isNull();
        assertThat(f.late()).isZero();
    }

    private static CaseAssist asked() {
        return CaseAssist.request(1L, 2L, LIMITS, "dispatcher", T0);
    }
}

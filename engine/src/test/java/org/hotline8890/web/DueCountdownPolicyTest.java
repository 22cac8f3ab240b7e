package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** The countdown's colour: the share of the time from dispatch (or signature) to the deadline already used. */
class DueCountdownPolicyTest {

    private static final Instant START = Instant.parse("2026-03-02T01:00:00Z");
    private static final Instant DEADLINE = START.plus(Duration.ofHours(100));
    private final DueCountdownPolicy policy = new DueCountdownPolicy(0.8);

    @Test
    void lessThanEightyPercentUsedIsOk() {
        assertThat(policy.level(START, DEADLINE, START)).isEqualTo(DueCountdownPolicy.Level.OK);
        assertThat(policy.level(START, DEADLINE, START.plus(Duration.ofHours(79)).plusSeconds(3599)))
                .isEqualTo(DueCountdownPolicy.Level.OK);
    }

    @Test
    void eightyPercentUsedTurnsAmber() {
        assertThat(policy.level(START, DEADLINE, START.plus(Duration.ofHours(80))))
                .isEqualTo(DueCountdownPolicy.Level.WARNING);
        assertThat(policy.level(START, DEADLINE, DEADLINE)).isEqualTo(DueCountdownPolicy.Level.WARNING);
    }

    @Test
    void pastTheDeadlineIsRed() {
        assertThat(policy.level(START, DEADLINE, DEADLINE.plusSeconds(1))).isEqualTo(DueCountdownPolicy.Level.OVERDUE);
    }

    @Test
    void theShareIsMeasuredFromTheStartNotFromAFixedLength() {
        Instant signedLate = START.plus(Duration.ofHours(90));
        // Signed at 90 h of a 100 h handling deadline: 10 h allowed from the signature, 7 h used = 70%.
        assertThat(policy.level(signedLate, DEADLINE, signedLate.plus(Duration.ofHours(7))))
                .isEqualTo(DueCountdownPolicy.Level.OK);
        assertThat(policy.level(signedLate, DEADLINE, signedLate.plus(Duration.ofHours(8))))
                .isEqualTo(DueCountdownPolicy.Level.WARNING);
    }

    @Test
    void aDeadlineWithoutTimeToUseIsAmberUntilItPasses() {
        assertThat(policy.level(DEADLINE, DEADLINE, DEADLINE.minusSeconds(1))).isEqualTo(DueCountdownPolicy.Level.WARNING);
        assertThat(policy.level(null, DEADLINE, START)).isEqualTo(DueCountdownPolicy.Level.WARNING);
    }

    @Test
    void theColoursAreTheStylesheetsClasses() {
        assertThat(DueCountdownPolicy.Level.OK.cssClass()).isEqualTo("due-ok");
        assertThat(DueCountdownPolicy.Level.WARNING.cssClass()).isEqualTo("due-warning");
        assertThat(DueCountdownPolicy.Level.OVERDUE.cssClass()).isEqualTo("due-overdue");
    }

    @Test
    void aRatioOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> new DueCountdownPolicy(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DueCountdownPolicy(1.5)).isInstanceOf(IllegalArgumentException.class);
    }
}

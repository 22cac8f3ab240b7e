package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class StaffedHoursTest {

    @Test
    void withoutStaffedHoursAgentsAnswerAroundTheClock() {
        AsteriskSettings.Ivr ivr = staffed(null, null);
        assertThat(ivr.staffedAt(LocalTime.of(3, 0))).isTrue();
        assertThat(ivr.staffedAt(LocalTime.NOON)).isTrue();
    }

    @Test
    void dayHoursIncludeTheirStartAndEndBeforeTheirClose() {
        AsteriskSettings.Ivr ivr = staffed(LocalTime.of(8, 0), LocalTime.of(20, 0));
        assertThat(ivr.staffedAt(LocalTime.of(8, 0))).isTrue();
        assertThat(ivr.staffedAt(LocalTime.of(19, 59))).isTrue();
        assertThat(ivr.staffedAt(LocalTime.of(20, 0))).isFalse();
        assertThat(ivr.staffedAt(LocalTime.of(7, 59))).isFalse();
    }

    @Test
    void hoursPastMidnightWrapAround() {
        AsteriskSettings.Ivr ivr = staffed(LocalTime.of(18, 0), LocalTime.of(2, 0));
        assertThat(ivr.staffedAt(LocalTime.of(23, 0))).isTrue();
        assertThat(ivr.staffedAt(LocalTime.of(1, 0))).isTrue();
        assertThat(ivr.staffedAt(LocalTime.NOON)).isFalse();
    }

    private static AsteriskSettings.Ivr staffed(LocalTime from, LocalTime until) {
        return new AsteriskSettings.Ivr(ZoneId.of("Asia/Shanghai"), from, until, "8890", 3, Duration.ofSeconds(5),
                Duration.ofMinutes(3), Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ofSeconds(4),
                "hotline/recordings", "wav", 8000, "YBd", "HOTLINE_ROUTE");
    }
}

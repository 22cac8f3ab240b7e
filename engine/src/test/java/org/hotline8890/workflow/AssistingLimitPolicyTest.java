package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 协办时限 with the defaults (3 working days, 1 working day kept for the lead, half of the lead's remaining
 * time when that is too near), on the shipped 2026 working-day calendar.
 */
@SpringBootTest
@ActiveProfiles("test")
class AssistingLimitPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 2 November 2026, 10:00. */
    private static final Instant MONDAY = at("2026-11-02T10:00");

    @Autowired AssistingLimitPolicy policy;

    @Test
    void anAssistingUnitHasThreeWorkingDaysWhenTheLeadHasFive() {
        Instant leadDue = at("2026-11-09T23:59:59");
        assertThat(policy.contributeBy(MONDAY, leadDue).due()).isEqualTo(at("2026-11-05T23:59:59"));
    }

    @Test
    void theLeadKeepsAWorkingDayToWriteTheReply() {
        Instant leadDue = at("2026-11-04T23:59:59");
        assertThat(policy.contributeBy(MONDAY, leadDue).due()).isEqualTo(at("2026-11-03T23:59:59"));
    }

    @Test
    void aLimitCountedInHoursGivesHalfOfTheLeadsRemainingTime() {
        assertThat(policy.contributeBy(MONDAY, at("2026-11-02T18:00")).due()).isEqualTo(at("2026-11-02T14:00"));
    }

    @Test
    void aLeadAlreadyLateStillLeavesTheUnitOneWorkingDay() {
        // Friday 6 November: the next working day is Monday the 9th.
        Instant friday = at("2026-11-06T10:00");
        assertThat(policy.contributeBy(friday, at("2026-11-05T23:59:59")).due()).isEqualTo(at("2026-11-09T23:59:59"));
    }

    private static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(SHANGHAI).toInstant();
    }
}

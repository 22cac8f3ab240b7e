package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.calendar.HolidayCalendar;
import org.hotline8890.calendar.WorkingTimeCalculator;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.EscalationAction;
import org.hotline8890.cases.Urgency;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped escalation_ladder table, evaluated by the real DMN engine, and the moments its offsets
 * give on a working-day calendar (weekends off; Asia/Shanghai).
 */
class EscalationPolicyTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final WorkingTimeCalculator CALENDAR = new WorkingTimeCalculator(HolidayCalendar.from(List.of()),
            SHANGHAI, LocalTime.of(8, 30), LocalTime.of(17, 30));

    private static DmnEngine dmn;
    private static DmnDecision ladder;

    @BeforeAll
    static void readTable() throws IOException {
        dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        try (InputStream in = EscalationPolicyTest.class.getResourceAsStream("/bpmn/escalation-ladder.dmn")) {
            assertThat(in).as("escalation-ladder.dmn on the class path").isNotNull();
            ladder = dmn.parseDecision(EscalationPolicy.DECISION, in);
        }
    }

    private final EscalationPolicy policy = new EscalationPolicy((type, urgency) -> dmn.evaluateDecisionTable(ladder,
            Variables.createVariables().putValue("type", type.name()).putValue("urgency", urgency.name()))
            .getResultList(), () -> CALENDAR);

    @Test
    void anOrdinaryComplaintClimbsReminderHeadReminderSupervisionOrderAndEscalation() {
        assertThat(policy.ladder(CaseType.COMPLAINT, Urgency.NORMAL)).containsExactly(
                new EscalationPolicy.Step(1, EscalationAction.REMIND_HANDLER, "80%"),
                new EscalationPolicy.Step(2, EscalationAction.REMIND_HEAD, "+0d"),
                new EscalationPolicy.Step(3, EscalationAction.SUPERVISION_ORDER, "+1d"),
                new EscalationPolicy.Step(4, EscalationAction.ESCALATE, "+3d"));
    }

    @Test
    void everyTypeAndUrgencyHasFourStepsInOrder() {
        for (CaseType type : CaseType.values()) {
            for (Urgency urgency : Urgency.values()) {
                assertThat(policy.ladder(type, urgency)).as("%s/%s", type, urgency)
                        .extracting(EscalationPolicy.Step::step).containsExactly(1, 2, 3, 4);
            }
        }
    }

    @Test
    void urgentCasesCountTheStepsAfterTheDeadlineInWallClockHours() {
        assertThat(policy.ladder(CaseType.HELP, Urgency.VERY_URGENT)).extracting(EscalationPolicy.Step::offset)
                .containsExactly("80%", "+0d", "+2h", "+8h");
    }

    @Test
    void theFirstStepFallsAtEightyPercentOfTheAllowedTime() {
        Instant start = shanghai("2026-03-09T09:00");
        Instant due = shanghai("2026-03-19T09:00");

        var first = policy.next(CaseType.COMPLAINT, Urgency.NORMAL, start, due, 0).orElseThrow();

        assertThat(first.step()).isEqualTo(1);
        assertThat(first.at()).isEqualTo(shanghai("2026-03-17T09:00"));
    }

    @Test
    void theSupervisionOrderFallsAtTheEndOfTheFirstWorkingDayAfterTheDeadlineSkippingTheWeekend() {
        // Friday 13 March ends the limit; Saturday and Sunday are off, so Monday is the first working day after it.
        Instant friday = shanghai("2026-03-13T23:59:59");

        var order = policy.next(CaseType.COMPLAINT, Urgency.NORMAL, shanghai("2026-03-06T10:00"), friday, 2).orElseThrow();
        var escalation = policy.next(CaseType.COMPLAINT, Urgency.NORMAL, shanghai("2026-03-06T10:00"), friday, 3).orElseThrow();

        assertThat(order.action()).isEqualTo(EscalationAction.SUPERVISION_ORDER);
        assertThat(order.at()).isEqualTo(shanghai("2026-03-16T23:59:59"));
        assertThat(escalation.action()).isEqualTo(EscalationAction.ESCALATE);
        assertThat(escalation.at()).isEqualTo(shanghai("2026-03-18T23:59:59"));
    }

    @Test
    void theHeadIsRemindedAtTheDeadlineItself() {
        Instant due = shanghai("2026-03-13T23:59:59");
        assertThat(policy.next(CaseType.HELP, Urgency.NORMAL, shanghai("2026-03-06T10:00"), due, 1).orElseThrow().at())
                .isEqualTo(due);
    }

    @Test
    void nothingFollowsTheLastStep() {
        assertThat(policy.next(CaseType.HELP, Urgency.URGENT, Instant.EPOCH, Instant.EPOCH.plusSeconds(3600), 4)).isEmpty();
    }

    @Test
    void aMalformedOffsetInTheTableIsRefusedRatherThanSkipped() {
        EscalationPolicy broken = new EscalationPolicy((type, urgency) -> List.of(
                Map.of("step", 1, "action", "REMIND_HANDLER", "offset", "soon")), () -> CALENDAR);

        assertThatThrownBy(() -> broken.ladder(CaseType.HELP, Urgency.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("soon");
    }

    @Test
    void aStepGivenTwiceIsRefused() {
        EscalationPolicy doubled = new EscalationPolicy((type, urgency) -> List.of(
                Map.of("step", 1, "action", "REMIND_HANDLER", "offset", "80%"),
                Map.of("step", 1, "action", "REMIND_HEAD", "offset", "+0d")), () -> CALENDAR);

        assertThatThrownBy(() -> doubled.ladder(CaseType.HELP, Urgency.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("step 1 twice");
    }

    private static Instant shanghai(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + (localDateTime.length() == 16 ? ":00" : "") + "+08:00").toInstant();
    }
}

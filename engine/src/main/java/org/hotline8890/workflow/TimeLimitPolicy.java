package org.hotline8890.workflow;

import java.time.Duration;
import java.time.Instant;

import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.HotlineProperties;
import org.hotline8890.calendar.Deadline;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.calendar.WorkingTimeCalculator;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Deadlines;
import org.hotline8890.cases.Urgency;
import org.springframework.stereotype.Component;

/**
 * Time limits: type × urgency → sign-for and handling limits, from the {@code time_limits} DMN table,
 * turned into instants on the working-day calendar (ordinary limits) or the wall clock (urgent ones).
 * The warning falls at {@code warningRatio} of the handling time.
 */
@Component
class TimeLimitPolicy {

    static final String DECISION = "time_limits";

    private final DecisionService decisions;
    private final WorkingCalendarService calendar;
    private final double warningRatio;

    TimeLimitPolicy(DecisionService decisions, WorkingCalendarService calendar, HotlineProperties properties) {
        this.decisions = decisions;
        this.calendar = calendar;
        this.warningRatio = properties.warningRatio();
    }

    Deadlines deadlinesFrom(Instant start, CaseType type, Urgency urgency) {
        DmnDecisionRuleResult limits = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("type", type.name())
                        .putValue("urgency", urgency.name()))
                .getSingleResult();
        if (limits == null) {
            throw new IllegalStateException("the time_limits table has no row for " + type + "/" + urgency);
        }
        WorkingTimeCalculator clock = calendar.calculator();
        int signMinutes = ((Number) limits.getEntry("signLimitMinutes")).intValue();
        Deadline sign = "WORKING".equals(limits.getEntry("signClock"))
                ? clock.plusWorkingMinutes(start, signMinutes)
                : clock.plusWallClock(start, Duration.ofMinutes(signMinutes));
        int handleLimit = ((Number) limits.getEntry("handleLimit")).intValue();
        Deadline handle = "WORKING_DAYS".equals(limits.getEntry("handleUnit"))
                ? clock.plusWorkingDays(start, handleLimit)
                : clock.plusWallClock(start, Duration.ofHours(handleLimit));
        return new Deadlines(sign.due(), warningAt(start, handle.due()), handle.due(),
                sign.calendarComplete() && handle.calendarComplete());
    }

    Instant warningAt(Instant start, Instant due) {
        long span = Duration.between(start, due).toMillis();
        return start.plusMillis(Math.max(0, (long) (span * warningRatio)));
    }
}

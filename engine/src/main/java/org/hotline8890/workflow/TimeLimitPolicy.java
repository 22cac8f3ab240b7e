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
        DmnDecisionRuleResult limits = limitsFor(type, urgency);
        WorkingTimeCalculator clock = calendar.calculator();
        Deadline sign = signDeadline(clock, start, limits);
        int handleLimit = ((Number) limits.getEntry("handleLimit")).intValue();
        Deadline handle = "WORKING_DAYS".equals(limits.getEntry("handleUnit"))
                ? clock.plusWorkingDays(start, handleLimit)
                : clock.plusWallClock(start, Duration.ofHours(handleLimit));
        return new Deadlines(sign.due(), warningAt(start, handle.due()), handle.due(),
                sign.calendarComplete() && handle.calendarComplete());
    }

    /** The sign-for limit alone, counted from {@code start}: a refused return restarts only this clock. */
    Deadline signDeadlineFrom(Instant start, CaseType type, Urgency urgency) {
        return signDeadline(calendar.calculator(), start, limitsFor(type, urgency));
    }

    private DmnDecisionRuleResult limitsFor(CaseType type, Urgency urgency) {
        DmnDecisionRuleResult limits = decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("type", type.name())
                        .putValue("urgency", urgency.name()))
                .getSingleResult();
        if (limits == null) {
            throw new IllegalStateException("the time_limits table has no row for " + type + "/" + urgency);
        }
        return limits;
    }

    private static Deadline signDeadline(WorkingTimeCalculator clock, Instant start, DmnDecisionRuleResult limits) {
        int signMinutes = ((Number) limits.getEntry("signLimitMinutes")).intValue();
        return "WORKING".equals(limits.getEntry("signClock"))
                ? clock.plusWorkingMinutes(start, signMinutes)
                : clock.plusWallClock(start, Duration.ofMinutes(signMinutes));
    }

    Instant warningAt(Instant start, Instant due) {
        long span = Duration.between(start, due).toMillis();
        return start.plusMillis(Math.max(0, (long) (span * warningRatio)));
    }
}

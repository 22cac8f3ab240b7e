package org.hotline8890.workflow;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.calendar.WorkingTimeCalculator;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.EscalationAction;
import org.hotline8890.cases.EscalationOffset;
import org.hotline8890.cases.Urgency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The escalation ladder (催办 → 督办 → 提级): type × urgency → the steps a case climbs while it is being
 * handled, from the {@code escalation_ladder} DMN table (so the rules can be edited like the other
 * tables), each step's moment counted from the handling deadline on the working-day calendar.
 * See docs/escalation.md.
 */
@Component
class EscalationPolicy {

    static final String DECISION = "escalation_ladder";

    /** One row of the table. */
    record Step(int step, EscalationAction action, String offset) {
    }

    /** A step and the moment it falls due for one case. */
    record Due(int step, EscalationAction action, Instant at) {
    }

    /** The rows of the table for one type and urgency, as the DMN engine returns them. */
    @FunctionalInterface
    interface LadderTable {
        List<Map<String, Object>> rows(CaseType type, Urgency urgency);
    }

    private final LadderTable table;
    private final Supplier<WorkingTimeCalculator> calendar;

    @Autowired
    EscalationPolicy(DecisionService decisions, WorkingCalendarService calendar) {
        this((type, urgency) -> decisions.evaluateDecisionTableByKey(DECISION, Variables.createVariables()
                        .putValue("type", type.name())
                        .putValue("urgency", urgency.name()))
                .getResultList(), calendar::calculator);
    }

    EscalationPolicy(LadderTable table, Supplier<WorkingTimeCalculator> calendar) {
        this.table = table;
        this.calendar = calendar;
    }

    /** The steps for this type and urgency, lowest first; a malformed row fails loudly rather than skipping a step. */
    List<Step> ladder(CaseType type, Urgency urgency) {
        List<Step> steps = table.rows(type, urgency).stream()
                .map(EscalationPolicy::step)
                .sorted(Comparator.comparingInt(Step::step))
                .toList();
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).step() == steps.get(i - 1).step()) {
                throw new IllegalStateException("the escalation_ladder table has step " + steps.get(i).step()
                        + " twice for " + type + "/" + urgency);
            }
        }
        return steps;
    }

    /**
     * The first step above {@code afterStep}, and when it falls due for a handling round that began at
     * {@code start} and must end by {@code handleBy}; empty once the ladder is climbed.
     */
    Optional<Due> next(CaseType type, Urgency urgency, Instant start, Instant handleBy, int afterStep) {
        return ladder(type, urgency).stream()
                .filter(step -> step.step() > afterStep)
                .findFirst()
                .map(step -> new Due(step.step(), step.action(), dueAt(step.offset(), start, handleBy)));
    }

    Instant dueAt(String offset, Instant start, Instant handleBy) {
        EscalationOffset parsed = EscalationOffset.parse(offset).orElseThrow(() -> new IllegalStateException(
                "the escalation_ladder offset '" + offset + "' is none of " + EscalationOffset.FORMS));
        int amount = parsed.amount();
        return switch (parsed.kind()) {
            case SHARE_OF_HANDLING_TIME -> start.plusMillis(Math.max(0, Duration.between(start, handleBy).toMillis()) * amount / 100);
            case HOURS_AFTER_DEADLINE -> handleBy.plus(Duration.ofHours(amount));
            case WORKING_DAYS_AFTER_DEADLINE -> amount == 0 ? handleBy : calendar.get().plusWorkingDays(handleBy, amount).due();
        };
    }

    private static Step step(Map<String, Object> row) {
        Object step = row.get("step");
        Object action = row.get("action");
        Object offset = row.get("offset");
        if (!(step instanceof Number number) || action == null || offset == null) {
            throw new IllegalStateException("an escalation_ladder row lacks step, action or offset: " + row);
        }
        String text = offset.toString().trim();
        if (EscalationOffset.parse(text).isEmpty()) {
            throw new IllegalStateException("the escalation_ladder offset '" + text + "' is none of " + EscalationOffset.FORMS);
        }
        return new Step(number.intValue(), EscalationAction.valueOf(action.toString()), text);
    }
}

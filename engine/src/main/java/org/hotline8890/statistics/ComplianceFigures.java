package org.hotline8890.statistics;

import java.time.Instant;
import java.util.Collection;

import org.hotline8890.cases.HotlineCase;

/**
 * The figures for one group of cases, computed from the stored deadlines and outcomes alone, so
 * they can be recomputed at any time. Rates are null when their denominator is zero. See
 * docs/metrics.md for each definition.
 */
public record ComplianceFigures(
        int received,
        int dispatched,
        int signDecided, int signedOnTime, Double onTimeSignRate,
        int handlingDecided, int completedOnTime, Double onTimeCompletionRate,
        int returned, Double returnRate,
        int extended, Double extensionRate,
        int feedbackRequested, int rehandled, Double rehandlingRate,
        int rated, int satisfied, Double satisfactionRate,
        int intakeDecided, int answeredDirectly, Double directAnswerRate,
        int replied, Double averageHandlingHours,
        int open, int overdue,
        int reminders, int supervisionOrders, int escalations) {

    /** The figures without the escalation counts (zero), for callers written before the ladder. */
    public ComplianceFigures(int received, int dispatched,
                             int signDecided, int signedOnTime, Double onTimeSignRate,
                             int handlingDecided, int completedOnTime, Double onTimeCompletionRate,
                             int returned, Double returnRate,
                             int extended, Double extensionRate,
                             int feedbackRequested, int rehandled, Double rehandlingRate,
                             int rated, int satisfied, Double satisfactionRate,
                             int intakeDecided, int answeredDirectly, Double directAnswerRate,
                             int replied, Double averageHandlingHours,
                             int open, int overdue) {
        this(received, dispatched, signDecided, signedOnTime, onTimeSignRate, handlingDecided, completedOnTime,
                onTimeCompletionRate, returned, returnRate, extended, extensionRate, feedbackRequested, rehandled,
                rehandlingRate, rated, satisfied, satisfactionRate, intakeDecided, answeredDirectly, directAnswerRate,
                replied, averageHandlingHours, open, overdue, 0, 0, 0);
    }

    /** The figures of {@code cases} at {@code now}: each case's part is {@link Tally#add}'s. */
    public static ComplianceFigures of(Collection<HotlineCase> cases, Instant now) {
        Tally tally = new Tally();
        cases.forEach(c -> tally.add(c.figureInputs(), now));
        return tally.figures();
    }
}

package org.hotline8890.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.Closure;
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

    public static ComplianceFigures of(Collection<HotlineCase> cases, Instant now) {
        int received = cases.size();
        int dispatched = 0, signDecided = 0, signedOnTime = 0, handlingDecided = 0, completedOnTime = 0;
        int returned = 0, extended = 0, feedbackRequested = 0, rehandled = 0, rated = 0, satisfied = 0;
        int intakeDecided = 0, answered = 0, replied = 0, open = 0, overdue = 0;
        // 催办 (the ladder's reminders and the center's manual ones), 督办单 and 提级, as events, not cases.
        int reminders = 0, supervisionOrders = 0, escalations = 0;
        long handlingMillis = 0;
        for (HotlineCase c : cases) {
            boolean invalid = c.getStatus() == CaseStatus.REJECTED || c.getStatus() == CaseStatus.MERGED;
            if (!invalid && (c.getClosure() == Closure.ANSWERED_DIRECTLY || c.getDispatchedAt() != null)) {
                intakeDecided++;
                if (c.getClosure() == Closure.ANSWERED_DIRECTLY) {
                    answered++;
                }
            }
            if (!c.getStatus().isFinal()) {
                open++;
                if (c.isOverdue(now)) {
                    overdue++;
                }
            }
            if (c.getDispatchedAt() == null) {
                continue;
            }
            dispatched++;
            reminders += c.getReminderCount();
            supervisionOrders += c.getSupervisionCount();
            escalations += c.getEscalationCount();
            if (c.getSignedAt() != null || c.getSignBy().isBefore(now)) {
                signDecided++;
                if (c.getSignedAt() != null && !c.getSignedAt().isAfter(c.getSignBy())) {
                    signedOnTime++;
                }
            }
            if (c.getRepliedAt() != null || c.getHandleBy().isBefore(now)) {
                handlingDecided++;
                if (c.getRepliedAt() != null && !c.getRepliedAt().isAfter(c.getHandleBy())) {
                    completedOnTime++;
                }
            }
            if (c.getRepliedAt() != null) {
                replied++;
                handlingMillis += Duration.between(c.getDispatchedAt(), c.getRepliedAt()).toMillis();
            }
            if (c.getReturnCount() > 0) {
                returned++;
            }
            if (c.getExtensionCount() > 0) {
                extended++;
            }
            if (c.getFeedbackBy() != null) {
                feedbackRequested++;
                if (c.getRehandleCount() > 0) {
                    rehandled++;
                }
            }
            if (c.getSatisfaction() != null) {
                rated++;
                if (c.getSatisfaction().isSatisfied()) {
                    satisfied++;
                }
            }
        }
        return new ComplianceFigures(received, dispatched,
                signDecided, signedOnTime, rate(signedOnTime, signDecided),
                handlingDecided, completedOnTime, rate(completedOnTime, handlingDecided),
                returned, rate(returned, dispatched),
                extended, rate(extended, dispatched),
                feedbackRequested, rehandled, rate(rehandled, feedbackRequested),
                rated, satisfied, rate(satisfied, rated),
                intakeDecided, answered, rate(answered, intakeDecided),
                replied, replied == 0 ? null : round(handlingMillis / 3_600_000.0 / replied),
                open, overdue,
                reminders, supervisionOrders, escalations);
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}

package org.hotline8890.statistics;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.Closure;
import org.hotline8890.cases.FigureInputs;

/**
 * The raw counts behind the figures of a group of cases: the one place that says what each case adds
 * (docs/metrics.md). {@link ComplianceFigures} and {@link SubCenterSigning} are computed from a tally; the
 * stored daily totals (case_figure_day) are tallies of settled cases, so a report adds stored and live
 * tallies and divides once, which gives exactly what counting every case would.
 */
final class Tally {

    /** The counters, each with its case_figure_day column; {@link #OPEN} and {@link #OVERDUE} are never stored. */
    enum Count {
        RECEIVED("received"), DISPATCHED("dispatched"),
        SIGN_DECIDED("sign_decided"), SIGNED_ON_TIME("signed_on_time"),
        HANDLING_DECIDED("handling_decided"), COMPLETED_ON_TIME("completed_on_time"),
        RETURNED("returned"), EXTENDED("extended"),
        FEEDBACK_REQUESTED("feedback_requested"), REHANDLED("rehandled"),
        RATED("rated"), SATISFIED("satisfied"),
        INTAKE_DECIDED("intake_decided"), ANSWERED_DIRECTLY("answered_directly"),
        REPLIED("replied"), HANDLING_MILLIS("handling_millis"),
        REMINDERS("reminders"), SUPERVISION_ORDERS("supervision_orders"), ESCALATIONS("escalations"),
        SUB_CENTER_CASES("sub_center_cases"), SUB_CENTER_SIGN_DECIDED("sub_center_sign_decided"),
        SUB_CENTER_SIGNED_ON_TIME("sub_center_signed_on_time"),
        // Only an unfinished case is open, and a settled case is finished: these two are always live.
        OPEN(null), OVERDUE(null);

        final String column;

        Count(String column) {
            this.column = column;
        }

        boolean stored() {
            return column != null;
        }
    }

    private final long[] counts = new long[Count.values().length];

    long get(Count count) {
        return counts[count.ordinal()];
    }

    void set(Count count, long value) {
        counts[count.ordinal()] = value;
    }

    private void inc(Count count) {
        counts[count.ordinal()]++;
    }

    Tally plus(Tally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        return this;
    }

    Tally negated() {
        Tally negated = new Tally();
        for (int i = 0; i < counts.length; i++) {
            negated.counts[i] = -counts[i];
        }
        return negated;
    }

    /** What one case adds at {@code now}; see docs/metrics.md for each figure. */
    Tally add(FigureInputs c, Instant now) {
        inc(Count.RECEIVED);
        boolean invalid = c.status() == CaseStatus.REJECTED || c.status() == CaseStatus.MERGED;
        if (!invalid && (c.closure() == Closure.ANSWERED_DIRECTLY || c.dispatchedAt() != null)) {
            inc(Count.INTAKE_DECIDED);
            if (c.closure() == Closure.ANSWERED_DIRECTLY) {
                inc(Count.ANSWERED_DIRECTLY);
            }
        }
        if (!c.status().isFinal()) {
            inc(Count.OPEN);
            if (c.isOverdue(now)) {
                inc(Count.OVERDUE);
            }
        }
        addSubCenterSignFor(c, now);
        if (c.dispatchedAt() == null) {
            return this;
        }
        inc(Count.DISPATCHED);
        // 催办 (the ladder's reminders and the center's manual ones), 督办单 and 提级, as events, not cases.
        counts[Count.REMINDERS.ordinal()] += c.reminderCount();
        counts[Count.SUPERVISION_ORDERS.ordinal()] += c.supervisionCount();
        counts[Count.ESCALATIONS.ordinal()] += c.escalationCount();
        if (c.signedAt() != null || c.signBy().isBefore(now)) {
            inc(Count.SIGN_DECIDED);
            if (c.signedAt() != null && !c.signedAt().isAfter(c.signBy())) {
                inc(Count.SIGNED_ON_TIME);
            }
        }
        if (c.repliedAt() != null || c.handleBy().isBefore(now)) {
            inc(Count.HANDLING_DECIDED);
            if (c.repliedAt() != null && !c.repliedAt().isAfter(c.handleBy())) {
                inc(Count.COMPLETED_ON_TIME);
            }
        }
        if (c.repliedAt() != null) {
            inc(Count.REPLIED);
            counts[Count.HANDLING_MILLIS.ordinal()] += Duration.between(c.dispatchedAt(), c.repliedAt()).toMillis();
        }
        if (c.returnCount() > 0) {
            inc(Count.RETURNED);
        }
        if (c.extensionCount() > 0) {
            inc(Count.EXTENDED);
        }
        if (c.feedbackBy() != null) {
            inc(Count.FEEDBACK_REQUESTED);
            if (c.rehandleCount() > 0) {
                inc(Count.REHANDLED);
            }
        }
        if (c.satisfaction() != null) {
            inc(Count.RATED);
            if (c.satisfaction().isSatisfied()) {
                inc(Count.SATISFIED);
            }
        }
        return this;
    }

    /** 分中心及时签收率: the sub-center's own sign-for clock, apart from the handling unit's. */
    private void addSubCenterSignFor(FigureInputs c, Instant now) {
        if (!c.hasSubCenterSignFor()) {
            return;
        }
        inc(Count.SUB_CENTER_CASES);
        Instant signedAt = c.subCenterSignedAt();
        if (signedAt != null || c.subCenterSignBy().isBefore(now)) {
            inc(Count.SUB_CENTER_SIGN_DECIDED);
            if (signedAt != null && !signedAt.isAfter(c.subCenterSignBy())) {
                inc(Count.SUB_CENTER_SIGNED_ON_TIME);
            }
        }
    }

    ComplianceFigures figures() {
        int received = count(Count.RECEIVED), dispatched = count(Count.DISPATCHED);
        int signDecided = count(Count.SIGN_DECIDED), signedOnTime = count(Count.SIGNED_ON_TIME);
        int handlingDecided = count(Count.HANDLING_DECIDED), completedOnTime = count(Count.COMPLETED_ON_TIME);
        int returned = count(Count.RETURNED), extended = count(Count.EXTENDED);
        int feedbackRequested = count(Count.FEEDBACK_REQUESTED), rehandled = count(Count.REHANDLED);
        int rated = count(Count.RATED), satisfied = count(Count.SATISFIED);
        int intakeDecided = count(Count.INTAKE_DECIDED), answered = count(Count.ANSWERED_DIRECTLY);
        int replied = count(Count.REPLIED);
        return new ComplianceFigures(received, dispatched,
                signDecided, signedOnTime, rate(signedOnTime, signDecided),
                handlingDecided, completedOnTime, rate(completedOnTime, handlingDecided),
                returned, rate(returned, dispatched),
                extended, rate(extended, dispatched),
                feedbackRequested, rehandled, rate(rehandled, feedbackRequested),
                rated, satisfied, rate(satisfied, rated),
                intakeDecided, answered, rate(answered, intakeDecided),
                replied, replied == 0 ? null : round(get(Count.HANDLING_MILLIS) / 3_600_000.0 / replied),
                count(Count.OPEN), count(Count.OVERDUE),
                count(Count.REMINDERS), count(Count.SUPERVISION_ORDERS), count(Count.ESCALATIONS));
    }

    SubCenterSigning subCenterSigning() {
        int decided = count(Count.SUB_CENTER_SIGN_DECIDED), onTime = count(Count.SUB_CENTER_SIGNED_ON_TIME);
        return new SubCenterSigning(count(Count.SUB_CENTER_CASES), decided, onTime, rate(onTime, decided));
    }

    boolean isEmpty() {
        return Arrays.stream(counts).allMatch(n -> n == 0);
    }

    private int count(Count count) {
        return Math.toIntExact(get(count));
    }

    private static Double rate(int numerator, int denominator) {
        return denominator == 0 ? null : round((double) numerator / denominator);
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tally other && Arrays.equals(counts, other.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("Tally[");
        for (Count count : Count.values()) {
            s.append(count).append('=').append(get(count)).append(count.ordinal() < counts.length - 1 ? ", " : "]");
        }
        return s.toString();
    }
}

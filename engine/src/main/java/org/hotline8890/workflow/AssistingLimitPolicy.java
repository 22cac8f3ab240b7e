package org.hotline8890.workflow;

import java.time.Duration;
import java.time.Instant;

import org.hotline8890.assisting.AssistLimits;
import org.hotline8890.calendar.Deadline;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.calendar.WorkingTimeCalculator;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Component;

/**
 * 协办时限: an assisting unit contributes within {@code workingDays} working days of the request, and
 * always at least {@code marginWorkingDays} working days before the lead's handling deadline, so the lead
 * can still write the one reply in time. When the lead's deadline is too near for that (urgent cases
 * counted in hours, or a unit asked late), the unit gets {@code shareOfRemaining} of the lead's remaining
 * time by the clock. It signs for its part within the case's own sign-for limit (the time_limits table),
 * never later than its contribution is due; the warning falls at the hotline's warning ratio.
 */
@Component
class AssistingLimitPolicy {

    private final AssistingSettings settings;
    private final WorkingCalendarService calendar;
    private final TimeLimitPolicy timeLimits;

    AssistingLimitPolicy(AssistingSettings settings, WorkingCalendarService calendar, TimeLimitPolicy timeLimits) {
        this.settings = settings;
        this.calendar = calendar;
        this.timeLimits = timeLimits;
    }

    /** The limits of an assist requested at {@code now} on case {@code c}, which is being handled by its lead. */
    AssistLimits limitsFor(HotlineCase c, Instant now) {
        Deadline contribute = contributeBy(now, c.getHandleBy());
        Deadline sign = timeLimits.signDeadlineFrom(now, c.getType(), c.getUrgency());
        Instant signBy = sign.due().isAfter(contribute.due()) ? contribute.due() : sign.due();
        return new AssistLimits(signBy, timeLimits.warningAt(now, contribute.due()), contribute.due(),
                contribute.calendarComplete() && sign.calendarComplete());
    }

    /** When the contribution is due, for a request at {@code now} on a case the lead must answer by {@code leadDue}. */
    Deadline contributeBy(Instant now, Instant leadDue) {
        WorkingTimeCalculator clock = calendar.calculator();
        if (leadDue == null || !leadDue.isAfter(now)) {
            // The lead is already late: the unit still gets a whole working day, and the lead's reply may go without it then.
            return clock.plusWorkingDays(now, 1);
        }
        int days = Math.min(settings.workingDays(), clock.workingDaysAfter(now, leadDue) - settings.marginWorkingDays());
        if (days >= 1) {
            return clock.plusWorkingDays(now, days);
        }
        long remaining = Duration.between(now, leadDue).toMillis();
        return clock.plusWallClock(now, Duration.ofMillis((long) (remaining * settings.shareOfRemaining())));
    }
}

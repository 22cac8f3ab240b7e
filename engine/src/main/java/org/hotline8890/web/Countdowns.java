package org.hotline8890.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.hotline8890.HotlineProperties;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The deadline a department is working against and how much of it is left, in words, computed on the
 * server so the page reads right without JavaScript: the sign-for deadline while the case waits for a
 * signature, the handling deadline while it is handled, none while the center or the citizen has it.
 */
@Component
class Countdowns {

    /** {@code stage}: sign or handle; {@code words}: the remaining (or overdue) time, localised. */
    record Countdown(String stage, Instant deadline, String cssClass, String words) {
    }

    private final WorkingCalendarService calendar;
    private final DueCountdownPolicy policy;
    private final MessageSource messages;

    Countdowns(WorkingCalendarService calendar, HotlineProperties properties, MessageSource messages) {
        this.calendar = calendar;
        this.policy = new DueCountdownPolicy(properties.warningRatio());
        this.messages = messages;
    }

    /** The running countdown, or null when no deadline of the department's is running. */
    Countdown of(HotlineCase c, Instant now, Locale locale) {
        if (c.getStatus() == CaseStatus.DISPATCHED && c.getSignBy() != null) {
            return countdown("sign", c.getDispatchedAt(), c.getSignBy(), now, locale);
        }
        if (c.getStatus() == CaseStatus.HANDLING && c.getHandleBy() != null) {
            Instant start = c.getSignedAt() != null ? c.getSignedAt() : c.getDispatchedAt();
            return countdown("handle", start, c.getHandleBy(), now, locale);
        }
        return null;
    }

    /** An assisting unit's running countdown: sign for its part, then contribute; null once its part is done. */
    Countdown of(CaseAssist a, Instant now, Locale locale) {
        return switch (a.getState()) {
            case REQUESTED -> countdown("assistSign", a.getRequestedAt(), a.getSignBy(), now, locale);
            case SIGNED -> countdown("contribute", a.getSignedAt(), a.getContributeBy(), now, locale);
            default -> null;
        };
    }

    private Countdown countdown(String stage, Instant start, Instant deadline, Instant now, Locale locale) {
        DueCountdownPolicy.Level level = policy.level(start, deadline, now);
        return new Countdown(stage, deadline, level.cssClass(), words(deadline, now, locale));
    }

    private String words(Instant deadline, Instant now, Locale locale) {
        if (now.isAfter(deadline)) {
            Duration late = Duration.between(deadline, now);
            return messages.getMessage("page.department.due.overdue",
                    new Object[]{late.toDays(), late.toHoursPart(), late.toMinutesPart()}, locale);
        }
        int days = calendar.calculator().workingDaysAfter(now, deadline);
        if (days > 0) {
            return messages.getMessage("page.department.due.days", new Object[]{days}, locale);
        }
        // Due today: what is left of it, by the clock.
        Duration left = Duration.between(now, deadline);
        return messages.getMessage("page.department.due.hours",
                new Object[]{left.toHours(), left.toMinutesPart()}, locale);
    }
}

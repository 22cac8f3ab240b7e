package org.hotline8890.notification;

import java.time.Clock;
import java.util.Locale;

import org.hotline8890.cases.HotlineCase;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Queues what the citizen is told, on the channel the case came in by, worded from the message
 * bundle ({@code notification.<KIND>}, zh-CN); anonymous citizens cannot be reached and get nothing.
 */
@Service
public class CitizenNotifier {

    private static final Locale CITIZEN_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final CitizenNotificationRepository notifications;
    private final MessageSource messages;
    private final Clock clock;

    CitizenNotifier(CitizenNotificationRepository notifications, MessageSource messages, Clock clock) {
        this.notifications = notifications;
        this.messages = messages;
        this.clock = clock;
    }

    public void tell(HotlineCase c, NotificationKind kind, Object... details) {
        if (c.getContact().anonymous()) {
            return;
        }
        Object[] args = new Object[details.length + 1];
        args[0] = c.getCaseNumber();
        System.arraycopy(details, 0, args, 1, details.length);
        String text = messages.getMessage("notification." + kind.name(), args, CITIZEN_LOCALE);
        notifications.save(new CitizenNotification(c.getId(), kind, c.getChannel(), text, clock.instant()));
    }
}

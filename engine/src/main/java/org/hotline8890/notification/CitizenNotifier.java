package org.hotline8890.notification;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Queues what the citizen is told, worded from the message bundle ({@code notification.<KIND>},
 * zh-CN), on the channel {@link ReplyChannelPolicy} chooses. A microblog reply is public, so it is
 * worded from {@code notification.public.<KIND>}: the case number and the step, nothing personal.
 * A citizen no channel reaches gets nothing queued; they follow the case online.
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
        queue(c, kind, null, details);
    }

    /**
     * The acceptance message, the one time the citizen is sent the query code. It is kept in the
     * outbox only until delivered; never on a public channel.
     */
    public void tellAccepted(HotlineCase c, String queryCode) {
        queue(c, NotificationKind.ACCEPTED, queryCode, CitizenNotification.QUERY_CODE_MASK);
    }

    private void queue(HotlineCase c, NotificationKind kind, String queryCode, Object... details) {
        Optional<Channel> channel = ReplyChannelPolicy.channelFor(c.getChannel(), c.getContact());
        if (channel.isEmpty()) {
            return;
        }
        boolean isPublic = channel.get() == Channel.MICROBLOG;
        Object[] args = new Object[details.length + 1];
        args[0] = c.getCaseNumber();
        System.arraycopy(details, 0, args, 1, details.length);
        String key = (isPublic ? "notification.public." : "notification.") + kind.name();
        String text = messages.getMessage(key, args, CITIZEN_LOCALE);
        notifications.save(new CitizenNotification(c.getId(), kind, channel.get(), text,
                isPublic ? null : queryCode, clock.instant()));
    }
}

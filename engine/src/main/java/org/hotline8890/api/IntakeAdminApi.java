package org.hotline8890.api;

import java.util.Arrays;
import java.util.List;

import org.hotline8890.channels.Channel;
import org.hotline8890.intake.DeadLetters;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationState;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** What the channels left for an admin: contacts that could not become cases, and the outbox. */
@RestController
@RequestMapping("/api/admin")
class IntakeAdminApi {

    private final DeadLetters deadLetters;
    private final CitizenNotificationRepository notifications;

    IntakeAdminApi(DeadLetters deadLetters, CitizenNotificationRepository notifications) {
        this.deadLetters = deadLetters;
        this.notifications = notifications;
    }

    record OutboxCount(Channel channel, long pending, long failed, long sent) {
    }

    @GetMapping("/dead-letters")
    List<DeadLetters.DeadLetter> deadLetters() {
        return deadLetters.open();
    }

    /** Queues a dead letter again once its cause is fixed; it leaves the list. */
    @PostMapping("/dead-letters/{id}/requeue")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requeue(@PathVariable long id) {
        deadLetters.requeue(id);
    }

    /** Per channel: notifications waiting, given up, and delivered. */
    @GetMapping("/outbox")
    @Transactional(readOnly = true)
    List<OutboxCount> outbox() {
        return Arrays.stream(Channel.values()).map(channel -> new OutboxCount(channel,
                notifications.countByChannelAndState(channel, NotificationState.PENDING),
                notifications.countByChannelAndState(channel, NotificationState.FAILED),
                notifications.countByChannelAndState(channel, NotificationState.SENT))).toList();
    }
}

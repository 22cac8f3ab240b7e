package org.hotline8890.notification;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

import org.hotline8890.cases.CaseLog;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox through the channel adapters. Each notification is claimed by one node (a
 * conditional update, so several engine nodes can run this), sent outside any transaction, then
 * stamped sent or failed. A crash between sending and stamping sends it again after the claim
 * expires: delivery is at least once, and adapters get the notification id to de-duplicate with.
 * Notifications for channels without an enabled adapter wait in the outbox.
 */
@Component
class NotificationDelivery {

    private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);

    private final Map<Channel, OutboundChannel> adapters = new EnumMap<>(Channel.class);
    private final CitizenNotificationRepository notifications;
    private final CaseRepository cases;
    private final IntakeReceipts receipts;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final DeliverySettings settings;
    private final Clock clock;

    NotificationDelivery(List<OutboundChannel> outbound, CitizenNotificationRepository notifications,
                         CaseRepository cases, IntakeReceipts receipts, JdbcTemplate jdbc, TransactionTemplate tx,
                         DeliverySettings settings, Clock clock) {
        outbound.forEach(adapter -> {
            OutboundChannel other = adapters.put(adapter.channel(), adapter);
            if (other != null) {
                throw new IllegalStateException("two adapters deliver " + adapter.channel() + ": "
                        + other.getClass().getSimpleName() + " and " + adapter.getClass().getSimpleName());
            }
        });
        this.notifications = notifications;
        this.cases = cases;
        this.receipts = receipts;
        this.jdbc = jdbc;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhichChannelsWait() {
        EnumSet<Channel> waiting = EnumSet.of(Channel.SMS, Channel.MAIL, Channel.MICROBLOG);
        waiting.removeAll(adapters.keySet());
        if (!waiting.isEmpty()) {
            log.info("Citizen notifications on {} stay in the outbox until those channels are enabled "
                    + "(README, section Channels)", waiting);
        }
    }

    @Scheduled(fixedDelayString = "${hotline.delivery.poll-interval:2000}")
    void poll() {
        while (deliverDue() == settings.batchSize()) {
            // a full batch: more may be due
        }
    }

    /** Sends what is due now; returns how many notifications it tried. */
    int deliverDue() {
        if (adapters.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> due = notifications.findDue(adapters.keySet(), now, PageRequest.of(0, settings.batchSize()));
        due.stream().filter(id -> claim(id, now)).forEach(this::deliver);
        return due.size();
    }

    private boolean claim(Long id, Instant now) {
        return jdbc.update("""
                UPDATE citizen_notification SET claimed_until = ?
                WHERE id = ? AND state = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)""",
                Timestamp.from(now.plus(settings.claimTimeout())), id, Timestamp.from(now)) == 1;
    }

    private void deliver(Long id) {
        CitizenNotification n = notifications.findById(id).orElseThrow();
        HotlineCase c = cases.findById(n.getCaseId()).orElseThrow();
        try (var about = CaseLog.about(c.getCaseNumber())) {
            deliver(n, c);
        }
    }

    private void deliver(CitizenNotification n, HotlineCase c) {
        Long id = n.getId();
        OutboundChannel adapter = adapters.get(n.getChannel());
        String channelMessageId = null;
        DeliveryException failure = null;
        try {
            channelMessageId = adapter.send(message(n, c));
        } catch (DeliveryException e) {
            failure = e;
        } catch (RuntimeException e) {
            // An adapter's bug or an unexpected answer: retried like a transient fault, and recorded.
            failure = new DeliveryException(e.toString(), false, e);
        }
        record(id, channelMessageId, failure);
    }

    private void record(Long id, String channelMessageId, DeliveryException failure) {
        Instant now = clock.instant();
        tx.executeWithoutResult(s -> {
            CitizenNotification n = notifications.findById(id).orElseThrow();
            if (failure == null) {
                n.delivered(channelMessageId, now);
            } else {
                n.failed(failure.getMessage(), failure.isPermanent(), settings.maxAttempts(), settings.firstRetry(),
                        settings.maxRetry(), now);
                log.warn("notification {} on {} failed (attempt {}{}): {}", id, n.getChannel(), n.getAttempts(),
                        n.getState() == NotificationState.FAILED ? ", given up" : "", failure.getMessage());
            }
            notifications.save(n);
            jdbc.update("UPDATE citizen_notification SET claimed_until = NULL WHERE id = ?", id);
        });
    }

    private OutboundMessage message(CitizenNotification n, HotlineCase c) {
        var contact = c.getContact();
        var recipient = n.isToStaff()
                ? new OutboundMessage.Recipient(n.getRecipientName(), n.getRecipientPhone(), null, null)
                : new OutboundMessage.Recipient(contact.name(), contact.phone(), contact.email(), contact.handle());
        return new OutboundMessage(n.getId(), n.getChannel(), c.getCaseNumber(), n.getKind().name(), recipient,
                c.getSubject(), n.textToSend(),
                receipts.latestContactId(c.getCaseNumber(), n.getChannel()).orElse(null));
    }
}

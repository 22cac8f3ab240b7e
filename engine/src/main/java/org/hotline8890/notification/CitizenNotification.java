package org.hotline8890.notification;

import java.time.Duration;
import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hotline8890.channels.Channel;

/**
 * One message the citizen must get, on {@code channel} (chosen by {@link ReplyChannelPolicy}). The
 * acceptance message carries the query code only until it is sent: {@code message} holds it masked,
 * and the code itself is cleared on delivery.
 */
@Entity
@Table(name = "citizen_notification")
public class CitizenNotification {

    static final String QUERY_CODE_MASK = "********";
    private static final int REASON_LENGTH = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "case_id")
    private Long caseId;
    @Enumerated(EnumType.STRING)
    private NotificationKind kind;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String message;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "sent_at")
    private Instant sentAt;
    @Enumerated(EnumType.STRING)
    private NotificationState state;
    private int attempts;
    @Column(name = "next_attempt_at")
    private Instant nextAttemptAt;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "external_id")
    private String externalId;
    @Column(name = "query_code")
    private String queryCode;
    /** Set only for a staff alert (the person on duty): it goes to this phone, not the citizen. */
    @Column(name = "recipient_name")
    private String recipientName;
    @Column(name = "recipient_phone")
    private String recipientPhone;

    protected CitizenNotification() {
    }

    CitizenNotification(Long caseId, NotificationKind kind, Channel channel, String message, String queryCode,
                        Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.channel = channel;
        this.message = message;
        this.queryCode = queryCode;
        this.createdAt = createdAt;
        this.state = NotificationState.PENDING;
    }

    /** A message to a staff member about a case, sent by SMS to their phone rather than to the citizen. */
    static CitizenNotification toStaff(Long caseId, NotificationKind kind, String name, String phone, String message,
                                       Instant createdAt) {
        CitizenNotification n = new CitizenNotification(caseId, kind, Channel.SMS, message, null, createdAt);
        n.recipientName = name;
        n.recipientPhone = phone;
        return n;
    }

    boolean isToStaff() {
        return recipientPhone != null;
    }

    /** The text to send: the stored message with the query code put back, if it carries one. */
    String textToSend() {
        return queryCode == null ? message : message.replace(QUERY_CODE_MASK, queryCode);
    }

    void delivered(String channelMessageId, Instant now) {
        requirePending();
        this.state = NotificationState.SENT;
        this.sentAt = now;
        this.externalId = channelMessageId;
        this.queryCode = null;
        this.lastError = null;
        this.nextAttemptAt = null;
    }

    /**
     * A failed attempt: retried after {@code backoff} doubled per earlier attempt (capped at
     * {@code maxBackoff}), unless the failure is permanent or the attempts are used up.
     */
    void failed(String reason, boolean permanent, int maxAttempts, Duration backoff, Duration maxBackoff, Instant now) {
        requirePending();
        this.attempts++;
        this.lastError = reason == null ? "unknown" : reason.substring(0, Math.min(REASON_LENGTH, reason.length()));
        if (permanent || attempts >= maxAttempts) {
            this.state = NotificationState.FAILED;
            this.queryCode = null;
            this.nextAttemptAt = null;
            return;
        }
        Duration wait = backoff.multipliedBy(1L << Math.min(attempts - 1, 20));
        this.nextAttemptAt = now.plus(wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait);
    }

    private void requirePending() {
        if (state != NotificationState.PENDING) {
            throw new IllegalStateException("notification " + id + " is already " + state);
        }
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public NotificationKind getKind() { return kind; }
    public Channel getChannel() { return channel; }
    public String getMessage() { return message; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
    public NotificationState getState() { return state; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public String getLastError() { return lastError; }
    public String getExternalId() { return externalId; }
    public String getRecipientName() { return recipientName; }
    public String getRecipientPhone() { return recipientPhone; }
}

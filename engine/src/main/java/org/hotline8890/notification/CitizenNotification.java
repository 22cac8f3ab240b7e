package org.hotline8890.notification;

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

@Entity
@Table(name = "citizen_notification")
public class CitizenNotification {

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

    protected CitizenNotification() {
    }

    CitizenNotification(Long caseId, NotificationKind kind, Channel channel, String message, Instant createdAt) {
        this.caseId = caseId;
        this.kind = kind;
        this.channel = channel;
        this.message = message;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getCaseId() { return caseId; }
    public NotificationKind getKind() { return kind; }
    public Channel getChannel() { return channel; }
    public String getMessage() { return message; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getSentAt() { return sentAt; }
}

package org.hotline8890.intake;

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

/** Remembers which case a contact became; the unique key on (channel, message id) is the guard. */
@Entity
@Table(name = "intake_contact")
class IntakeContact {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    @Column(name = "channel_message_id")
    private String channelMessageId;
    @Column(name = "received_at")
    private Instant receivedAt;
    @Column(name = "case_id")
    private Long caseId;

    protected IntakeContact() {
    }

    IntakeContact(Channel channel, String channelMessageId, Instant receivedAt, Long caseId) {
        this.channel = channel;
        this.channelMessageId = channelMessageId;
        this.receivedAt = receivedAt;
        this.caseId = caseId;
    }

    Long caseId() {
        return caseId;
    }

    String channelMessageId() {
        return channelMessageId;
    }
}

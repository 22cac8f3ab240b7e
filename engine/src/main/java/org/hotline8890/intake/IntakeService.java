package org.hotline8890.intake;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake consumer: one contact, one case, however often it is delivered. A repeat delivery
 * answers with the case the first one made (and no query code: that was shown once).
 */
@Service
public class IntakeService {

    static final int SUBJECT_LENGTH = 40;

    private final IntakeContactRepository contacts;
    private final CaseRepository cases;
    private final CaseIntake caseIntake;
    private final Organisation organisation;
    private final String defaultDistrict;

    IntakeService(IntakeContactRepository contacts, CaseRepository cases, CaseIntake caseIntake,
                  Organisation organisation, IntakeSettings settings) {
        this.contacts = contacts;
        this.cases = cases;
        this.caseIntake = caseIntake;
        this.organisation = organisation;
        this.defaultDistrict = settings.defaultDistrict();
    }

    /** The case a contact became; {@code queryCode} only the first time, when it is shown once. */
    public record Accepted(String caseNumber, String queryCode, CaseStatus status, boolean duplicate) {
    }

    @Transactional
    public Accepted accept(ContactMessage contact) {
        return once(contact.channel(), contact.channelMessageId(), contact.receivedAt(),
                () -> caseIntake.open(toNewCase(contact), IntakeDecision.REVIEW, null,
                        "channel:" + contact.channel().name().toLowerCase()));
    }

    /**
     * One key, one case: {@code open} runs only the first time a channel's message id is seen. A
     * repeat answers with the case the first one made. Channel adapters and the API's
     * {@code Idempotency-Key} both come through here; the unique key on (channel, message id) is the
     * guard when two deliveries race.
     */
    @Transactional
    public Accepted once(Channel channel, String messageId, Instant receivedAt, Supplier<CaseIntake.Opened> open) {
        Optional<IntakeContact> seen = contacts.findByChannelAndChannelMessageId(channel, messageId);
        if (seen.isPresent()) {
            HotlineCase existing = cases.findById(seen.get().caseId()).orElseThrow();
            return new Accepted(existing.getCaseNumber(), null, existing.getStatus(), true);
        }
        CaseIntake.Opened opened = open.get();
        contacts.save(new IntakeContact(channel, messageId, receivedAt, opened.theCase().getId()));
        return new Accepted(opened.theCase().getCaseNumber(), opened.queryCode(), opened.theCase().getStatus(), false);
    }

    private NewCase toNewCase(ContactMessage m) {
        String text = m.text() == null ? "" : m.text().strip();
        if (text.isEmpty() && (m.subject() == null || m.subject().isBlank())) {
            throw new InvalidContactException("the contact has neither a subject nor a text");
        }
        String subject = m.subject() == null || m.subject().isBlank()
                ? text.substring(0, Math.min(SUBJECT_LENGTH, text.length()))
                : m.subject().strip();
        CitizenContact citizen;
        try {
            citizen = new CitizenContact(m.sender().name(), m.sender().phone(), m.sender().email(), m.sender().handle(),
                    m.sender().anonymous());
        } catch (IllegalArgumentException e) {
            throw new InvalidContactException(e.getMessage());
        }
        String category = organisation.categoryExists(m.category()) ? m.category() : "OTHER";
        String district = organisation.byCode(m.district()).map(u -> u.getCode()).orElse(defaultDistrict);
        return new NewCase(m.channel(), parse(CaseType.class, m.caseType(), CaseType.OTHER), category,
                parse(Urgency.class, m.urgency(), Urgency.NORMAL), district, m.location(), citizen,
                m.confidential(), m.consentToPublish(), subject, text.isEmpty() ? subject : text,
                m.attachments().stream().map(a -> new NewCase.Attachment(a.fileName(), a.contentType(),
                        a.sizeBytes(), a.storageRef())).toList(), m.receivedAt());
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}

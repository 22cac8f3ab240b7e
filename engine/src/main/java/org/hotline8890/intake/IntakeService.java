package org.hotline8890.intake;

import java.time.Clock;
import java.util.Optional;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.NewCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The intake consumer: one contact, one outcome, however often it is delivered. A contact opens a
 * case, joins the case it is about, or gives the rating its case waits for ({@link ContactRouting});
 * a repeat delivery answers with the case the first one went to (and no query code: that was
 * shown once).
 */
@Service
public class IntakeService {

    static final int SUBJECT_LENGTH = 40;
    private static final int SUMMARY_LENGTH = 5000;

    private final IntakeContactRepository contacts;
    private final CaseRepository cases;
    private final CaseIntake caseIntake;
    private final ContactRouting routing;
    private final CaseActions actions;
    private final CitizenNotifier notifier;
    private final Organisation organisation;
    private final String defaultDistrict;
    private final Clock clock;

    IntakeService(IntakeContactRepository contacts, CaseRepository cases, CaseIntake caseIntake, ContactRouting routing,
                  CaseActions actions, CitizenNotifier notifier, Organisation organisation, IntakeSettings settings,
                  Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.caseIntake = caseIntake;
        this.routing = routing;
        this.actions = actions;
        this.notifier = notifier;
        this.organisation = organisation;
        this.defaultDistrict = settings.defaultDistrict();
        this.clock = clock;
    }

    public record Accepted(String caseNumber, String queryCode, boolean duplicate) {
    }

    @Transactional
    public Accepted accept(ContactMessage contact) {
        Optional<IntakeContact> seen = contacts.findByChannelAndChannelMessageId(contact.channel(), contact.channelMessageId());
        if (seen.isPresent()) {
            HotlineCase existing = cases.findById(seen.get().caseId()).orElseThrow();
            return new Accepted(existing.getCaseNumber(), null, true);
        }
        String actor = "channel:" + contact.channel().name().toLowerCase();
        HotlineCase theCase;
        String queryCode = null;
        ContactRouting.Route route = routing.route(contact);
        switch (route.outcome()) {
            case NEW_CASE -> {
                CaseIntake.Opened opened = caseIntake.open(toNewCase(contact), IntakeDecision.REVIEW, null, actor);
                theCase = opened.theCase();
                queryCode = opened.queryCode();
            }
            case APPEND -> {
                theCase = route.theCase();
                theCase.appendContact(summary(contact), actor, clock.instant());
                cases.save(theCase);
                notifier.tell(theCase, NotificationKind.CONTACT_RECEIVED);
            }
            case RATE -> {
                theCase = route.theCase();
                actions.recordRatingFromChannel(theCase.getCaseNumber(), route.rating().satisfaction(),
                        route.rating().comment(), actor);
            }
            default -> throw new IllegalStateException("unknown outcome " + route.outcome());
        }
        contacts.save(new IntakeContact(contact.channel(), contact.channelMessageId(), contact.receivedAt(),
                theCase.getId()));
        return new Accepted(theCase.getCaseNumber(), queryCode, false);
    }

    /** What a later contact adds to the case's timeline: its subject, text and attachment names. */
    private static String summary(ContactMessage m) {
        StringBuilder text = new StringBuilder();
        if (m.subject() != null && !m.subject().isBlank()) {
            text.append(m.subject().strip()).append('\n');
        }
        if (m.text() != null) {
            text.append(m.text().strip());
        }
        m.attachments().forEach(a -> text.append("\n[").append(a.fileName()).append(']'));
        String s = text.toString().strip();
        if (s.isEmpty()) {
            throw new InvalidContactException("the contact has neither a subject nor a text");
        }
        return s.length() > SUMMARY_LENGTH ? s.substring(0, SUMMARY_LENGTH) : s;
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

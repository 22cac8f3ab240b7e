package org.hotline8890.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** A TEXT column holds 65,535 bytes: 16,000 characters fit even at four bytes each. */
    private static final int CONTENT_LENGTH = 16_000;
    private static final String TRUNCATED = "\n[……内容过长，以下省略 / text cut here]";

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

    /** The case a contact became; {@code queryCode} only the first time, when it is shown once. */
    public record Accepted(String caseNumber, String queryCode, CaseStatus status, boolean duplicate) {
    }

    @Transactional
    public Accepted accept(ContactMessage contact) {
        return once(contact.channel(), contact.channelMessageId(), contact.receivedAt(), () -> apply(contact));
    }

    /**
     * True while a reply should wait for its parent message to be taken in: the parent is not known
     * and the reply was received less than {@code wait} ago. Older replies are taken as they are (a
     * reply to a post the hotline never saw opens a case of its own), and so is one stamped more than
     * {@code wait} ahead of our clock, which would otherwise wait until that time.
     */
    @Transactional(readOnly = true)
    public boolean awaitsParent(ContactMessage contact, java.time.Duration wait) {
        Instant now = clock.instant();
        return contact.receivedAt().isAfter(now.minus(wait)) && contact.receivedAt().isBefore(now.plus(wait))
                && routing.parentUnknown(contact)
                && contacts.findByChannelAndChannelMessageId(contact.channel(), contact.channelMessageId()).isEmpty();
    }

    /** A new case comes with its query code; a contact that joined or rated a case has none. */
    private CaseIntake.Opened apply(ContactMessage contact) {
        String actor = "channel:" + contact.channel().name().toLowerCase();
        ContactRouting.Route route = routing.route(contact);
        switch (route.outcome()) {
            case NEW_CASE -> {
                return caseIntake.open(toNewCase(contact), IntakeDecision.REVIEW, null, actor);
            }
            case APPEND -> {
                HotlineCase theCase = route.theCase();
                theCase.appendContact(summary(contact), actor, clock.instant());
                notifier.tell(cases.save(theCase), NotificationKind.CONTACT_RECEIVED);
                return new CaseIntake.Opened(theCase, null);
            }
            case RATE -> {
                actions.recordRatingFromChannel(route.theCase().getCaseNumber(), route.rating().satisfaction(),
                        route.rating().comment(), actor);
                return new CaseIntake.Opened(cases.findById(route.theCase().getId()).orElseThrow(), null);
            }
            default -> throw new IllegalStateException("unknown outcome " + route.outcome());
        }
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

    /**
     * A contact as a new case. Channels have no length limits of their own, so every field is cut to
     * its column rather than failing the contact; a text cut short says so.
     */
    private NewCase toNewCase(ContactMessage m) {
        String text = m.text() == null ? "" : m.text().strip();
        if (text.isEmpty() && (m.subject() == null || m.subject().isBlank())) {
            throw new InvalidContactException("the contact has neither a subject nor a text");
        }
        String subject = m.subject() == null || m.subject().isBlank()
                ? text.substring(0, Math.min(SUBJECT_LENGTH, text.length()))
                : m.subject().strip();
        if (text.length() > CONTENT_LENGTH) {
            text = text.substring(0, CONTENT_LENGTH) + TRUNCATED;
        }
        CitizenContact citizen;
        try {
            citizen = new CitizenContact(clip(m.sender().name(), 100), clip(m.sender().phone(), 32),
                    clip(m.sender().email(), 254), clip(m.sender().handle(), 100), m.sender().anonymous());
        } catch (IllegalArgumentException e) {
            throw new InvalidContactException(e.getMessage());
        }
        String category = organisation.categoryExists(m.category()) ? m.category() : "OTHER";
        String district = organisation.byCode(m.district()).map(u -> u.getCode()).orElse(defaultDistrict);
        return new NewCase(m.channel(), parse(CaseType.class, m.caseType(), CaseType.OTHER), category,
                parse(Urgency.class, m.urgency(), Urgency.NORMAL), district, clip(m.location(), 500), citizen,
                m.confidential(), m.consentToPublish(), clip(subject, 200), text.isEmpty() ? subject : text,
                attachments(m), m.receivedAt());
    }

    /** The contact's attachments, and its recording (a voice message) as one more if no attachment is it. */
    private static List<NewCase.Attachment> attachments(ContactMessage m) {
        List<NewCase.Attachment> all = new ArrayList<>();
        m.attachments().forEach(a -> all.add(new NewCase.Attachment(clip(a.fileName(), 255),
                clip(a.contentType() == null ? "application/octet-stream" : a.contentType(), 100),
                a.sizeBytes(), clip(a.storageRef(), 500))));
        String recording = m.recordingRef();
        // An adapter that stores the recording itself lists it already, under its own store's prefix.
        if (recording != null && !recording.isBlank()
                && m.attachments().stream().noneMatch(a -> isTheRecording(a.storageRef(), recording))) {
            String name = recording.substring(recording.lastIndexOf('/') + 1);
            all.add(new NewCase.Attachment(clip(name.isBlank() ? "recording" : name, 255), "audio/*", 0,
                    clip(recording, 500)));
        }
        return all;
    }

    /**
     * An adapter may store the recording under its own scheme (the Asterisk IVR's {@code asterisk:<file>}):
     * that attachment is the recording too, and must not be listed twice.
     */
    private static boolean isTheRecording(String storageRef, String recording) {
        return storageRef != null && (storageRef.equals(recording) || storageRef.endsWith(":" + recording));
    }

    private static String clip(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
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

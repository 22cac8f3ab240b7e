package org.hotline8890.intake;

import java.util.Optional;

import org.hotline8890.cases.PhoneNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CitizenContact;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.springframework.stereotype.Component;

/**
 * Decides what a contact is: a new request, more about an existing case, or the rating a case is
 * waiting for. A contact is about a case when
 * <ul>
 * <li>it answers a message of that case ({@link ContactMessage#IN_REPLY_TO}: a contact we received
 *     or a notification we sent), or</li>
 * <li>it quotes the case number ({@link ContactMessage#CASE_REFERENCE}) and comes from the same
 *     phone, mail address or handle the case was filed with (a stranger quoting a number opens a
 *     case of their own instead of writing into someone else's), or</li>
 * <li>it is an SMS that reads as a rating, from the phone of a case waiting for one.</li>
 * </ul>
 */
@Component
class ContactRouting {

    enum Outcome { NEW_CASE, APPEND, RATE }

    /** What to do with a contact: the case is null for a new case, the rating set only to rate. */
    record Route(Outcome outcome, HotlineCase theCase, RatingReader.Rating rating) {
    }

    private final CaseRepository cases;
    private final IntakeContactRepository contacts;
    private final CitizenNotificationRepository notifications;

    ContactRouting(CaseRepository cases, IntakeContactRepository contacts, CitizenNotificationRepository notifications) {
        this.cases = cases;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    Route route(ContactMessage m) {
        Optional<HotlineCase> about = answered(m).or(() -> quoted(m));
        if (about.isEmpty() && m.channel() == Channel.SMS) {
            about = RatingReader.read(m.text()).flatMap(r -> awaitingRatingFrom(m.sender().phone()));
        }
        if (about.isEmpty()) {
            return new Route(Outcome.NEW_CASE, null, null);
        }
        HotlineCase c = about.get();
        if (c.getStatus() == CaseStatus.AWAITING_FEEDBACK) {
            Optional<RatingReader.Rating> rating = RatingReader.read(m.text());
            if (rating.isPresent()) {
                return new Route(Outcome.RATE, c, rating.get());
            }
        }
        return new Route(Outcome.APPEND, c, null);
    }

    /**
     * A reply (it names its parent message) whose parent is not known yet, neither as a contact nor as
     * a message we sent: the parent may be in the hands of another consumer at this moment.
     */
    boolean parentUnknown(ContactMessage m) {
        String parent = m.metadata().get(ContactMessage.IN_REPLY_TO);
        return parent != null && !parent.isBlank() && answered(m).isEmpty();
    }

    private Optional<HotlineCase> answered(ContactMessage m) {
        String parent = m.metadata().get(ContactMessage.IN_REPLY_TO);
        if (parent == null || parent.isBlank()) {
            return Optional.empty();
        }
        return contacts.findByChannelAndChannelMessageId(m.channel(), parent).map(IntakeContact::caseId)
                .or(() -> notifications.findFirstByChannelAndExternalId(m.channel(), parent)
                        .map(n -> n.getCaseId()))
                .flatMap(cases::findById);
    }

    private Optional<HotlineCase> quoted(ContactMessage m) {
        String number = m.metadata().get(ContactMessage.CASE_REFERENCE);
        if (number == null || number.isBlank()) {
            return Optional.empty();
        }
        return cases.findByCaseNumber(number.strip()).filter(c -> sameSender(c.getContact(), m.sender()));
    }

    private Optional<HotlineCase> awaitingRatingFrom(String phone) {
        if (phone == null || phone.isBlank()) {
            return Optional.empty();
        }
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(phone)).stream()
                .filter(c -> c.getStatus() == CaseStatus.AWAITING_FEEDBACK)
                .findFirst();
    }

    private static boolean sameSender(CitizenContact onCase, ContactMessage.Sender sender) {
        return (present(sender.phone()) && PhoneNumbers.same(onCase.phone(), sender.phone()))
                || (present(sender.email()) && sender.email().strip().equalsIgnoreCase(
                        onCase.email() == null ? "" : onCase.email().strip()))
                || (present(sender.handle()) && sender.handle().strip().equals(onCase.handle()));
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}

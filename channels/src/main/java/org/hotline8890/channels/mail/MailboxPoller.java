package org.hotline8890.channels.mail;

import java.util.Optional;

import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.IntakeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.FolderClosedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * Reads the mails in the hotline's folder that are not yet handled, oldest first. Each mail goes to
 * the intake queue first and is marked handled (flagged \Seen, or moved to the processed folder)
 * only after the queue holds it: a crash in between reads the mail again, and its Message-ID, the
 * contact's idempotency key, keeps that from opening a second case. A mail no case can be opened
 * from gets a polite reply instead. A failure of the mailbox, the queue or the attachment store
 * ends the poll; the mails not yet handled wait for the next one.
 */
final class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    private final MailSessions sessions;
    private final MailSettings.Imap imap;
    private final MailReader reader;
    private final MailContacts contacts;
    private final IntakeQueue queue;
    private final PoliteReplies replies;

    MailboxPoller(MailSessions sessions, MailSettings.Imap imap, MailReader reader, MailContacts contacts,
                  IntakeQueue queue, PoliteReplies replies) {
        this.sessions = sessions;
        this.imap = imap;
        this.reader = reader;
        this.contacts = contacts;
        this.queue = queue;
        this.replies = replies;
    }

    /** What one poll did: mails queued, answered with a request for details, set aside as automatic. */
    record Outcome(int published, int answered, int automatic) {
    }

    private enum Handling { PUBLISHED, ANSWERED, AUTOMATIC }

    synchronized Outcome pollOnce() throws MessagingException {
        try (Store store = sessions.connectImap()) {
            Folder inbox = store.getFolder(imap.folder());
            inbox.open(Folder.READ_WRITE);
            Folder processed = imap.movesHandledMail() ? processedFolder(store) : null;
            int[] counts = new int[Handling.values().length];
            try {
                for (Message mail : inbox.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false))) {
                    if (mail.isExpunged()) {
                        continue;
                    }
                    counts[handle(inbox, mail).ordinal()]++;
                    markHandled(inbox, mail, processed);
                }
            } finally {
                if (inbox.isOpen()) {
                    inbox.close(processed != null);
                }
            }
            return new Outcome(counts[Handling.PUBLISHED.ordinal()], counts[Handling.ANSWERED.ordinal()],
                    counts[Handling.AUTOMATIC.ordinal()]);
        }
    }

    private Handling handle(Folder inbox, Message mail) throws MessagingException {
        if (AutomaticMail.isAutomatic(mail)) {
            // Bounces and auto-replies are no citizen's request, and answering them could start a mail loop.
            log.info("mail {} is an automatic message (bounce or auto-reply); left in the mailbox, not queued",
                    MailReader.messageId(mail));
            return Handling.AUTOMATIC;
        }
        IncomingMail incoming;
        try {
            incoming = reader.read(mail);
        } catch (MailReader.UnreadableMailException e) {
            if (!inbox.isOpen()) {
                throw new FolderClosedException(inbox, "lost the mailbox while reading a mail");
            }
            log.warn("{}; asking the sender to send it again", e.getMessage());
            reply(mail, false);
            return Handling.ANSWERED;
        }
        if (incoming.isEmpty()) {
            log.info("mail {} has neither subject nor text; asking the sender for details", incoming.messageId());
            reply(mail, true);
            return Handling.ANSWERED;
        }
        queue.publish(contacts.toContact(incoming));
        return Handling.PUBLISHED;
    }

    private void reply(Message mail, boolean empty) throws MessagingException {
        Optional<MailReader.ReplyTarget> target = MailReader.replyTargetOf(mail);
        if (target.isEmpty()) {
            log.warn("mail {} has no address to answer; it stays in the mailbox, handled", MailReader.messageId(mail));
            return;
        }
        try {
            if (empty) {
                replies.askForDetails(target.get());
            } else {
                replies.askToResend(target.get());
            }
        } catch (DeliveryException e) {
            if (!e.isPermanent()) {
                // Not marked handled: the next poll answers it.
                throw new MessagingException("the reply to " + target.get().address() + " could not be sent", e);
            }
            log.warn("mail {} cannot be answered: {}", MailReader.messageId(mail), e.getMessage());
        }
    }

    private static void markHandled(Folder inbox, Message mail, Folder processed) throws MessagingException {
        mail.setFlag(Flags.Flag.SEEN, true);
        if (processed != null) {
            inbox.copyMessages(new Message[] {mail}, processed);
            mail.setFlag(Flags.Flag.DELETED, true);
        }
    }

    private Folder processedFolder(Store store) throws MessagingException {
        Folder processed = store.getFolder(imap.processedFolder());
        if (!processed.exists() && !processed.create(Folder.HOLDS_MESSAGES)) {
            throw new MessagingException("cannot create the processed folder " + imap.processedFolder());
        }
        return processed;
    }
}

package org.hotline8890.records;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CommentRedaction;
import org.hotline8890.cases.EventChainHeadRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.publication.Deidentifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes citizens' personal data from cases finished longer ago than
 * {@code hotline.retention.personal-data}: daily, and on an admin's request. Each case in its own
 * transaction, together with what other stores keep about it ({@link PersonalDataStore}) and its
 * event comments ({@link CommentRedaction}), its removal recorded as a case event; several nodes may
 * run it at once, the case's version lets one of them win. Then what the stores keep apart from cases
 * (processed contacts, dead letters, caller numbers) older than the same cutoff.
 */
@Service
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    /**
     * {@code cutoff} is null when the setting keeps personal data for ever; {@code otherRecords}
     * counts what the stores removed apart from cases.
     */
    public record Run(Instant cutoff, int casesErased, List<PersonalDataStore.Erased> otherRecords) {
    }

    private final RetentionProperties retention;
    private final HotlineProperties hotline;
    private final CaseRepository cases;
    private final EventChainHeadRepository chainHeads;
    private final EventLogVerification verification;
    private final CommentRedaction comments;
    private final List<PersonalDataStore> stores;
    private final Deidentifier deidentifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PersonalDataRetention(RetentionProperties retention, HotlineProperties hotline, CaseRepository cases,
                          EventChainHeadRepository chainHeads, EventLogVerification verification,
                          CommentRedaction comments, List<PersonalDataStore> stores, Deidentifier deidentifier,
                          TransactionTemplate transaction, Clock clock) {
        this.retention = retention;
        this.hotline = hotline;
        this.cases = cases;
        this.chainHeads = chainHeads;
        this.verification = verification;
        this.comments = comments;
        this.stores = stores;
        this.deidentifier = deidentifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${hotline.retention.cron:0 30 3 * * *}", zone = "${hotline.zone:Asia/Shanghai}")
    void daily() {
        Run run = runNow();
        if (run.casesErased() > 0 || !run.otherRecords().isEmpty()) {
            log.info("Removed the personal data of {} cases finished before {}; other records: {}",
                    run.casesErased(), run.cutoff(), describe(run.otherRecords()));
        }
    }

    public Run runNow() {
        if (retention.keepsForever()) {
            return new Run(null, 0, List.of());
        }
        Instant cutoff = ZonedDateTime.now(clock.withZone(hotline.zone())).minus(retention.personalData()).toInstant();
        List<Long> due = cases.findIdsWithPersonalDataFinishedBefore(CaseStatus.finalStatuses(), cutoff);
        int erased = 0;
        for (Long id : due) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> erase(id)))) {
                    erased++;
                }
            } catch (OptimisticLockingFailureException e) {
                // Another node (or a late change) touched the case first; the next run looks again.
                log.debug("case {} changed while its personal data was being removed", id, e);
            }
        }
        List<PersonalDataStore.Erased> other = new ArrayList<>();
        for (PersonalDataStore store : stores) {
            transaction.executeWithoutResult(status -> store.eraseOlderThan(cutoff).stream()
                    .filter(e -> e.count() > 0).forEach(other::add));
        }
        return new Run(cutoff, erased, List.copyOf(other));
    }

    private boolean erase(Long id) {
        HotlineCase c = cases.findById(id).orElse(null);
        if (c == null || c.getPersonalDataErasedAt() != null) {
            return false;
        }
        String name = c.getContact().name();
        UnaryOperator<String> deidentify = text -> deidentifier.mask(text, name);
        List<String> record = new ArrayList<>();
        record.add("retention " + retention.personalData());
        record.add(redactComments(c, deidentify));
        List<PersonalDataStore.Erased> reached = stores.stream()
                .flatMap(store -> store.eraseCase(id, deidentify).stream()).filter(e -> e.count() > 0).toList();
        if (!reached.isEmpty()) {
            record.add(describe(reached));
        }
        c.erasePersonalData(deidentify, String.join("; ", record), clock.instant());
        cases.save(c);
        return true;
    }

    /** De-identifies the case's event comments and says how, for the removal's own event. */
    private String redactComments(HotlineCase c, UnaryOperator<String> deidentify) {
        // Locked before the check, so no event of the case can come between the check and the re-link.
        chainHeads.lockByCaseId(c.getId());
        Optional<ChainPolicy.Break> broken = verification.firstBreakOf(c.getId());
        if (broken.isPresent()) {
            // Re-linking a broken chain would hide the break: the comments wait until it is looked into.
            log.warn("case {}: event comments kept, the event log breaks at event {} ({})", c.getCaseNumber(),
                    broken.get().eventId(), broken.get().problem());
            return "event comments kept: the event log breaks at event " + broken.get().eventId()
                    + " (" + broken.get().problem() + ")";
        }
        CommentRedaction.Outcome outcome = comments.redact(c.getId(), deidentify);
        String redacted = outcome.commentsRedacted() + " event comments de-identified";
        return outcome.formerHead() == null ? redacted
                : redacted + "; event chain re-linked with hash version 2, former head " + outcome.formerHead();
    }

    private static String describe(List<PersonalDataStore.Erased> erased) {
        return erased.stream().map(e -> e.count() + " " + e.what()).collect(Collectors.joining(", "));
    }
}

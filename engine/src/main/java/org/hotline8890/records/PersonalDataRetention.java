package org.hotline8890.records;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

import org.hotline8890.HotlineProperties;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
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
 * transaction, its removal recorded as a case event; several nodes may run it at once, the case's
 * version lets one of them win.
 */
@Service
public class PersonalDataRetention {

    private static final Logger log = LoggerFactory.getLogger(PersonalDataRetention.class);

    /** {@code cutoff} is null when the setting keeps personal data for ever. */
    public record Run(Instant cutoff, int casesErased) {
    }

    private final RetentionProperties retention;
    private final HotlineProperties hotline;
    private final CaseRepository cases;
    private final AssistRepository assists;
    private final Deidentifier deidentifier;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PersonalDataRetention(RetentionProperties retention, HotlineProperties hotline, CaseRepository cases,
                          AssistRepository assists, Deidentifier deidentifier, TransactionTemplate transaction,
                          Clock clock) {
        this.retention = retention;
        this.hotline = hotline;
        this.cases = cases;
        this.assists = assists;
        this.deidentifier = deidentifier;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(cron = "${hotline.retention.cron:0 30 3 * * *}", zone = "${hotline.zone:Asia/Shanghai}")
    void daily() {
        Run run = runNow();
        if (run.casesErased() > 0) {
            log.info("Removed the personal data of {} cases finished before {}", run.casesErased(), run.cutoff());
        }
    }

    public Run runNow() {
        if (retention.keepsForever()) {
            return new Run(null, 0);
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
        return new Run(cutoff, erased);
    }

    private boolean erase(Long id) {
        HotlineCase c = cases.findById(id).orElse(null);
        if (c == null || c.getPersonalDataErasedAt() != null) {
            return false;
        }
        String name = c.getContact().name();
        c.erasePersonalData(text -> deidentifier.mask(text, name),
                "retention " + retention.personalData(), clock.instant());
        cases.save(c);
        // What assisting units wrote about the case (协办意见, a decline's reason) goes the same way.
        for (CaseAssist a : assists.findByCaseIdOrderByIdAsc(id)) {
            a.deidentifyTexts(text -> deidentifier.mask(text, name));
            assists.save(a);
        }
        return true;
    }
}

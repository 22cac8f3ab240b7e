package org.hotline8890.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseTransfer;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Regions;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 跨区域转办: a center hands a case that is about another region to that region's center, with its number,
 * query code and history; the receiving center reviews it afresh or refuses it back once. The case, the
 * transfer record and the process change in one transaction, so a refused or concurrent request leaves
 * all three as they were.
 */
@Service
@Transactional
public class CaseTransfers {

    /** The transfer, and whether the request only repeated one already made (nothing changed then). */
    public record Outcome(HotlineCase theCase, CaseTransfer transfer, boolean repeated) {
    }

    private final CaseRepository cases;
    private final CaseTransferRepository transfers;
    private final CaseProcess process;
    private final CaseAccessPolicy access;
    private final Regions regions;
    private final CitizenNotifier notifier;
    private final Clock clock;

    CaseTransfers(CaseRepository cases, CaseTransferRepository transfers, CaseProcess process, CaseAccessPolicy access,
                  Regions regions, CitizenNotifier notifier, Clock clock) {
        this.cases = cases;
        this.transfers = transfers;
        this.process = process;
        this.access = access;
        this.regions = regions;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * Transfers the case to {@code toRegion}'s center. Asking again for a transfer that was already made (a
     * retried request) answers that transfer and changes nothing, so no second process is ever started.
     */
    public Outcome transfer(Staff staff, String caseNumber, String toRegion, String reason) {
        HotlineCase seen = cases.findByCaseNumber(caseNumber).filter(found -> access.canSee(staff, found))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        Optional<CaseTransfer> repeated = transfers.findFirstByCaseIdOrderByIdDesc(seen.getId())
                .filter(last -> isTheSameTransfer(last, seen, staff, toRegion));
        if (repeated.isPresent()) {
            return new Outcome(seen, repeated.get(), true);
        }
        HotlineCase c = CaseActions.actingOn(cases, access, staff, caseNumber);
        if (regions.byCode(toRegion).isEmpty()) {
            throw new CaseStateException("transfer.unknownRegion", "no region " + toRegion);
        }
        if (transfers.existsByCaseIdAndToRegionAndRefusedAtIsNotNull(c.getId(), toRegion)) {
            throw new CaseStateException("transfer.refusedBefore",
                    "region " + toRegion + " already refused case " + caseNumber + " once: it stays here");
        }
        Instant now = clock.instant();
        String fromRegion = c.getRegionCode();
        c.transferTo(toRegion, reason, staff.username(), now);
        // The case's version is checked before the process is touched: of two requests racing each other, the
        // second waits for the first and then fails here (409), never halfway through deleting the instance.
        c = cases.saveAndFlush(c);
        CaseTransfer transfer = transfers.save(new CaseTransfer(c.getId(), fromRegion, toRegion, reason,
                staff.username(), now));
        process.restartAtIntakeReview(c, "transferred from region " + fromRegion + " to region " + toRegion);
        notifier.tell(c, NotificationKind.TRANSFERRED, regionName(toRegion));
        return new Outcome(c, transfer, false);
    }

    /**
     * The receiving center refuses the transfer that brought the case, before working it: the case goes back
     * to the sending region's intake review. A transfer is refused at most once.
     */
    public Outcome refuse(Staff staff, String caseNumber, String reason) {
        HotlineCase c = CaseActions.actingOn(cases, access, staff, caseNumber);
        CaseTransfer transfer = transfers.findFirstByCaseIdOrderByIdDesc(c.getId())
                .filter(last -> last.getToRegion().equals(c.getRegionCode()))
                .orElseThrow(() -> new CaseStateException("transfer.none",
                        "case " + caseNumber + " was not transferred to region " + c.getRegionCode()));
        Instant now = clock.instant();
        transfer.refuse(reason, staff.username(), now);
        c.refuseTransfer(transfer.getFromRegion(), reason, staff.username(), now);
        HotlineCase saved = cases.saveAndFlush(c);
        transfers.save(transfer);
        process.restartAtIntakeReview(saved, "transfer refused by region " + transfer.getToRegion()
                + ", back to region " + transfer.getFromRegion());
        return new Outcome(saved, transfer, false);
    }

    /** A case's transfers, the first first, for whoever may see the case. */
    @Transactional(readOnly = true)
    public List<CaseTransfer> of(HotlineCase c) {
        return transfers.findByCaseIdOrderByIdAsc(c.getId());
    }

    /** The last transfer is this request again: from the caller's region to the same one, not refused, not yet worked. */
    private static boolean isTheSameTransfer(CaseTransfer last, HotlineCase c, Staff staff, String toRegion) {
        return last.getFromRegion().equals(staff.region()) && last.getToRegion().equals(toRegion) && !last.isRefused()
                && toRegion.equals(c.getRegionCode()) && c.getStatus() == CaseStatus.RECEIVED;
    }

    private String regionName(String code) {
        return regions.byCode(code).map(Regions.Region::name).orElse(code);
    }
}

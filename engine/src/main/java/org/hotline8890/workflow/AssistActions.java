package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.ASSIST_OUTCOME;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.assisting.CaseAssist;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do about assisting units (协办), each in one transaction with its process step: the center
 * asks units (at dispatch or while the case is handled), withdraws them and deals with declines; an
 * assisting unit signs, declines or contributes its own part and nothing else. The lead's reply waits
 * for every assist still within its limit ({@link #beforeLeadReply}).
 */
@Service
@Transactional
public class AssistActions {

    private final CaseRepository cases;
    private final AssistRepository assists;
    private final AssistProcess process;
    private final AssistingLimitPolicy limits;
    private final DispatchLevelPolicy levels;
    private final Organisation organisation;
    private final CaseAccessPolicy access;
    private final Clock clock;

    AssistActions(CaseRepository cases, AssistRepository assists, AssistProcess process, AssistingLimitPolicy limits,
                  DispatchLevelPolicy levels, Organisation organisation, CaseAccessPolicy access, Clock clock) {
        this.cases = cases;
        this.assists = assists;
        this.process = process;
        this.limits = limits;
        this.levels = levels;
        this.organisation = organisation;
        this.access = access;
        this.clock = clock;
    }

    /** The center asks these units to assist on a case its lead is handling (dispatched or signed). */
    public void request(Staff center, String caseNumber, List<String> unitCodes) {
        HotlineCase c = CaseActions.actingOn(cases, access, center, caseNumber);
        if (c.getStatus() != CaseStatus.DISPATCHED && c.getStatus() != CaseStatus.HANDLING) {
            throw new CaseStateException("assist.caseNotHandled",
                    "assisting units join a case while its lead handles it; case " + caseNumber + " is " + c.getStatus());
        }
        Set<String> codes = new LinkedHashSet<>();
        for (String code : unitCodes == null ? List.<String>of() : unitCodes) {
            if (code != null && !code.isBlank()) {
                codes.add(code.strip());
            }
        }
        if (codes.isEmpty()) {
            throw new CaseStateException("assist.noUnit", "name at least one assisting unit");
        }
        Instant now = clock.instant();
        for (String code : codes) {
            OrgUnit unit = assistingUnit(c, code);
            CaseAssist assist = assists.save(CaseAssist.request(c.getId(), unit.getId(), limits.limitsFor(c, now),
                    center.username(), now));
            process.start(c.getCaseNumber(), assist, unit.getCode());
        }
    }

    /** The center takes a request back while the unit still owes its part. */
    public void withdraw(Staff center, String caseNumber, String unitCode, String reason) {
        HotlineCase c = CaseActions.actingOn(cases, access, center, caseNumber);
        CaseAssist assist = assists.findActive(c.getId(), unit(unitCode).getId())
                .orElseThrow(() -> new CaseStateException("assist.notActive", unitCode + " owes no part of case " + caseNumber));
        assist.withdraw(reason, center.username(), clock.instant());
        assists.save(assist);
        process.end(assist);
    }

    /**
     * The center deals with a unit's decline: asks {@code replacements} instead (none: the case goes on
     * without that part). Either way the decline leaves the center's list.
     */
    public void settleDecline(Staff center, String caseNumber, String unitCode, List<String> replacements) {
        HotlineCase c = CaseActions.actingOn(cases, access, center, caseNumber);
        Long unitId = unit(unitCode).getId();
        CaseAssist declined = assists.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .filter(a -> a.getUnitId().equals(unitId) && a.awaitsCenter()).findFirst()
                .orElseThrow(() -> new CaseStateException("assist.notDeclined", unitCode + " has no decline waiting on case " + caseNumber));
        List<String> instead = replacements == null ? List.of()
                : replacements.stream().filter(r -> r != null && !r.isBlank()).map(String::strip).toList();
        if (!instead.isEmpty()) {
            request(center, caseNumber, instead);
        }
        declined.settleDecline(instead.isEmpty() ? "dropped" : "replaced by " + String.join(", ", instead),
                center.username(), clock.instant());
        assists.save(declined);
    }

    /** 协办签收: the assisting unit takes its part on. */
    public void sign(Staff unitStaff, String caseNumber) {
        CaseAssist assist = ownActive(unitStaff, caseNumber);
        assist.sign(unitStaff.username(), clock.instant());
        assists.save(assist);
        process.completeTask(assist, "Task_SignForAssist", Map.of(ASSIST_OUTCOME, "SIGNED"));
    }

    /** The assisting unit declines its part with a reason; the center is told on its console. */
    public void decline(Staff unitStaff, String caseNumber, String reason) {
        CaseAssist assist = ownActive(unitStaff, caseNumber);
        assist.decline(reason, unitStaff.username(), clock.instant());
        assists.save(assist);
        process.completeTask(assist, "Task_SignForAssist", Map.of(ASSIST_OUTCOME, "DECLINED"));
    }

    /** The assisting unit's contribution; returns the case's id, for the files that go with it. */
    public Long contribute(Staff unitStaff, String caseNumber, String text) {
        CaseAssist assist = ownActive(unitStaff, caseNumber);
        assist.contribute(text, unitStaff.username(), clock.instant());
        assists.save(assist);
        process.completeTask(assist, "Task_ContributeToCase", Map.of());
        return assist.getCaseId();
    }

    /**
     * The lead-reply rule (docs/assisting.md): the lead replies for all, so its reply is refused while an
     * assisting unit is still within its limit; a unit whose limit has passed does not hold the citizen
     * up: its part lapses at the reply and is counted late against it.
     */
    void beforeLeadReply(HotlineCase c) {
        Instant now = clock.instant();
        List<CaseAssist> owed = assists.findByCaseIdOrderByIdAsc(c.getId()).stream().filter(a -> a.getState().isActive()).toList();
        List<String> waiting = owed.stream().filter(a -> a.isWithinLimit(now))
                .map(a -> organisation.byId(a.getUnitId()).map(OrgUnit::getCode).orElse("?")).toList();
        if (!waiting.isEmpty()) {
            throw new CaseStateException("case.assistPending", "the reply waits for the assisting units still within their limit: "
                    + String.join(", ", waiting));
        }
        for (CaseAssist a : owed) {
            a.lapse(now);
            assists.save(a);
            process.end(a);
        }
    }

    /** Asked when the center names the lead: a unit assisting on the case cannot also lead it. */
    void requireNotAssisting(HotlineCase c, Long leadId) {
        if (assists.findActive(c.getId(), leadId).isPresent()) {
            throw new CaseStateException("assist.leadIsAssisting",
                    "this unit assists on the case: withdraw its assist before making it the lead");
        }
    }

    void flagSignLate(Long assistId) {
        CaseAssist a = byId(assistId);
        a.flagSignLate(clock.instant());
        assists.save(a);
    }

    void warn(Long assistId) {
        CaseAssist a = byId(assistId);
        a.warn(clock.instant());
        assists.save(a);
    }

    void flagOverdue(Long assistId) {
        CaseAssist a = byId(assistId);
        a.flagOverdue(clock.instant());
        assists.save(a);
    }

    /** A unit the case may go to (the dispatch level rule), not the lead, not the center, not already asked. */
    private OrgUnit assistingUnit(HotlineCase c, String code) {
        OrgUnit unit = unit(code);
        if (unit.getKind() == OrgUnitKind.CENTER || unit.getKind() == OrgUnitKind.CITY) {
            throw new CaseStateException("assist.notAUnit", code + " is not a unit that handles cases");
        }
        if (!Regions.contains(c.getRegionCode(), unit)) {
            throw new CaseStateException("department.otherRegion",
                    code + " belongs to another region than case " + c.getCaseNumber() + " (" + c.getRegionCode() + ")");
        }
        levels.check(c.getCategoryCode(), unit);
        if (unit.getId().equals(c.getDepartmentId())) {
            throw new CaseStateException("assist.leadCannotAssist", code + " leads this case and cannot also assist on it");
        }
        if (assists.findActive(c.getId(), unit.getId()).isPresent()) {
            throw new CaseStateException("assist.alreadyAsked", code + " already assists on this case");
        }
        return unit;
    }

    /** The staff member's unit's (or, for a district, its subtree's) assist on the case that still owes its part. */
    private CaseAssist ownActive(Staff staff, String caseNumber) {
        HotlineCase c = caseNumbered(caseNumber);
        List<CaseAssist> own = new ArrayList<>();
        for (CaseAssist a : assists.findByCaseIdOrderByIdAsc(c.getId())) {
            boolean mine = organisation.byId(a.getUnitId()).map(u -> u.getPath().startsWith(staff.orgPath())).orElse(false);
            if (mine) {
                own.add(a);
            }
        }
        if (own.isEmpty()) {
            throw new CaseNotFoundException(caseNumber);
        }
        return own.stream().filter(a -> a.getState().isActive()).findFirst()
                .orElseThrow(() -> new CaseStateException("assist.notActive", "your part of case " + caseNumber + " is done"));
    }

    private OrgUnit unit(String code) {
        return organisation.byCode(code).orElseThrow(() -> new CaseStateException("department.unknown",
                "no department with code " + code));
    }

    private HotlineCase caseNumbered(String caseNumber) {
        return cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
    }

    private CaseAssist byId(Long id) {
        return assists.findById(id).orElseThrow(() -> new IllegalStateException("no assist with id " + id));
    }
}

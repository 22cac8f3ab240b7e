package org.hotline8890.workflow;

import static org.hotline8890.workflow.ProcessVariables.*;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hotline8890.HotlineProperties;
import org.hotline8890.calendar.Deadline;
import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.knowledge.KnowledgeBase;
import org.hotline8890.notification.CitizenNotifier;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Regions;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.Staff;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do to a case. Each action loads the case (a department only its own), lets the
 * aggregate accept or refuse the change, then moves the process on, all in one transaction: a refused
 * change leaves both the case and the process as they were.
 */
@Service
@Transactional
public class CaseActions {

    private final CaseRepository cases;
    private final CaseProcess process;
    private final Organisation organisation;
    private final CaseAccessPolicy access;
    private final TimeLimitPolicy timeLimits;
    private final RehandlingPolicy rehandling;
    private final QueryCodes queryCodes;
    private final CitizenNotifier notifier;
    private final HotlineProperties properties;
    private final KnowledgeBase knowledge;
    private final DispatchLevelPolicy levels;
    private final AssistActions assisting;
    private final Clock clock;

    CaseActions(CaseRepository cases, CaseProcess process, Organisation organisation, CaseAccessPolicy access,
                TimeLimitPolicy timeLimits, RehandlingPolicy rehandling, QueryCodes queryCodes,
                CitizenNotifier notifier, HotlineProperties properties, KnowledgeBase knowledge, DispatchLevelPolicy levels,
                AssistActions assisting, Clock clock) {
        this.cases = cases;
        this.process = process;
        this.organisation = organisation;
        this.access = access;
        this.timeLimits = timeLimits;
        this.rehandling = rehandling;
        this.queryCodes = queryCodes;
        this.notifier = notifier;
        this.properties = properties;
        this.knowledge = knowledge;
        this.levels = levels;
        this.assisting = assisting;
        this.clock = clock;
    }

    /** 受理: the center's decision on a request that did not come through an agent. */
    public void reviewIntake(Staff staff, String caseNumber, IntakeDecision decision, String text,
                             String mergeInto, String departmentCode) {
        reviewIntake(staff, caseNumber, decision, text, null, mergeInto, departmentCode);
    }

    /** As above; an ANSWER given from a knowledge article ({@code articleId}) is recorded and counted. */
    public void reviewIntake(Staff staff, String caseNumber, IntakeDecision decision, String text, Long articleId,
                             String mergeInto, String departmentCode) {
        reviewIntake(staff, caseNumber, decision, text, articleId, mergeInto, departmentCode, List.of());
    }

    /** As above; a DISPATCH may name assisting units (协办), asked as soon as the lead has the case. */
    public void reviewIntake(Staff staff, String caseNumber, IntakeDecision decision, String text, Long articleId,
                             String mergeInto, String departmentCode, List<String> assistingCodes) {
        if (decision != IntakeDecision.DISPATCH && assistingCodes != null && !assistingCodes.isEmpty()) {
            throw new CaseStateException("assist.onlyWithDispatch", "assisting units are named with a dispatch");
        }
        HotlineCase c = load(staff, caseNumber);
        Instant now = clock.instant();
        switch (decision) {
            case ANSWER -> {
                c.answerDirectly(text, articleId, staff.username(), now);
                if (articleId != null) {
                    knowledge.recordUse(articleId, c.getId());
                }
            }
            case REJECT -> c.reject(text, staff.username(), now);
            // A case merges only into one its center may act on: another region's case is not there to merge into.
            case MERGE -> c.mergeInto(cases.findByCaseNumber(required(mergeInto, "mergeInto"))
                    .filter(primary -> access.canActOn(staff, primary))
                    .orElseThrow(() -> new CaseNotFoundException(mergeInto)), staff.username(), now);
            case DISPATCH -> {
                if (departmentCode != null && !departmentCode.isBlank()) {
                    c.chooseDepartment(department(c, departmentCode).getId(), properties.returnsBeforeDesignation());
                }
            }
            case REVIEW -> throw new CaseStateException("intake.decision", "choose ANSWER, REJECT, MERGE or DISPATCH");
        }
        cases.save(c);
        process.completeTask(caseNumber, "Task_ReviewIntake", Map.of(INTAKE_DECISION, decision.name()));
        askAssistingUnits(staff, caseNumber, assistingCodes);
    }

    /** The catalogue found nobody: the center names the department. */
    public void dispatchManually(Staff staff, String caseNumber, String departmentCode) {
        dispatchManually(staff, caseNumber, departmentCode, List.of());
    }

    /** As above, with the assisting units (协办) the lead's dispatch brings in. */
    public void dispatchManually(Staff staff, String caseNumber, String departmentCode, List<String> assistingCodes) {
        HotlineCase c = load(staff, caseNumber);
        c.chooseDepartment(department(c, departmentCode).getId(), properties.returnsBeforeDesignation());
        cases.save(c);
        process.completeTask(caseNumber, "Task_DispatchManually", Map.of());
        askAssistingUnits(staff, caseNumber, assistingCodes);
    }

    /** 签收 by the unit holding the case; at a sub-center, the sub-center signs and re-dispatches next. */
    public void sign(Staff staff, String caseNumber) {
        HotlineCase c = load(staff, caseNumber);
        if (c.isAtSubCenter()) {
            requireSubCenter(staff, c);
            c.signForSubCenter(staff.username(), clock.instant());
        } else {
            c.signFor(staff.username(), clock.instant());
        }
        cases.save(c);
        process.completeTask(caseNumber, signTask(c), Map.of(SIGN_OUTCOME, "SIGNED"));
    }

    /**
     * 退单 to the level that dispatched the case: the city center, the sub-center for a unit below one, or the
     * sub-center above for a nested sub-center.
     */
    public void returnToCenter(Staff staff, String caseNumber, String reason) {
        HotlineCase c = load(staff, caseNumber);
        String task = signTask(c);
        if (c.isBelowSubCenter()) {
            c.returnToSubCenter(reason, staff.username(), clock.instant());
        } else if (c.returnsToSubCenter()) {
            requireSubCenter(staff, c);
            c.returnToOuterSubCenter(reason, staff.username(), clock.instant());
            cases.save(c);
            process.completeTask(caseNumber, task,
                    Map.of(SIGN_OUTCOME, "RETURNED_TO_SUB_CENTER", SUB_CENTER_CODE, actingSubCenterCode(c)));
            return;
        } else {
            if (c.isAtSubCenter()) {
                requireSubCenter(staff, c);
            }
            c.returnToCenter(reason, staff.username(), clock.instant());
        }
        cases.save(c);
        process.completeTask(caseNumber, task, Map.of(SIGN_OUTCOME, "RETURNED"));
    }

    /** The sub-center, having signed, sends the case to a unit of its subtree (二次派单). */
    public void redispatchInSubCenter(Staff staff, String caseNumber, String departmentCode) {
        HotlineCase c = load(staff, caseNumber);
        requireSubCenter(staff, c);
        Map<String, Object> variables = redispatch(staff, c, departmentCode);
        process.completeTask(caseNumber, "Task_SubCenterRedispatch", variables);
    }

    /** The sub-center rules on its unit's return: another unit, the same unit again, or up to the city center. */
    public void ruleOnReturnInSubCenter(Staff staff, String caseNumber, SubCenterRuling ruling, String departmentCode,
                                        String comment) {
        HotlineCase c = load(staff, caseNumber);
        requireSubCenter(staff, c);
        Instant now = clock.instant();
        Map<String, Object> variables = new HashMap<>(Map.of(SUB_CENTER_RULING, ruling.name()));
        switch (ruling) {
            case REDISPATCH -> variables.putAll(redispatch(staff, c, departmentCode));
            case SEND_BACK -> {
                Deadline signBy = timeLimits.signDeadlineFrom(now, c.getType(), c.getUrgency());
                boolean toSubCenter = organisation.byId(c.getDepartmentId()).map(OrgUnit::runsSubCenter).orElse(false);
                c.refuseReturnInSubCenter(comment, toSubCenter, signBy.due(), signBy.calendarComplete(),
                        staff.username(), now);
                cases.save(c);
                variables.put(SIGN_DUE, Date.from(c.getSignBy()));
                variables.put(TO_SUB_CENTER, toSubCenter);
                variables.put(SUB_CENTER_CODE, actingSubCenterCode(c));
            }
            case PASS_UP -> {
                boolean toOuter = c.hasOuterSubCenter();
                c.passReturnUp(comment, staff.username(), now);
                cases.save(c);
                if (toOuter) {
                    // One level up: the sub-center above rules on it, in the same task of its own loop.
                    variables.put(SUB_CENTER_RULING, "PASS_UP_TO_SUB_CENTER");
                    variables.put(SUB_CENTER_CODE, actingSubCenterCode(c));
                } else {
                    variables.put(SIGN_OUTCOME, "RETURNED");
                }
            }
        }
        process.completeTask(caseNumber, "Task_SubCenterReviewReturn", variables);
    }

    /**
     * The sub-center reviews the reply: approved, it goes on to the review of the sub-center above, or of the
     * city center at the top; or back to the unit.
     */
    public void reviewReplyInSubCenter(Staff staff, String caseNumber, boolean approved, String comment) {
        HotlineCase c = load(staff, caseNumber);
        requireSubCenter(staff, c);
        boolean toOuter = approved && c.hasOuterSubCenter();
        if (approved) {
            c.approveReplyAtSubCenter(staff.username(), clock.instant());
        } else {
            c.sendBackReplyAtSubCenter(comment, staff.username(), clock.instant());
        }
        cases.save(c);
        process.completeTask(caseNumber, "Task_SubCenterReviewReply", Map.of(SUB_CENTER_APPROVED, approved,
                OUTER_SUB_CENTER_REVIEWS, toOuter, SUB_CENTER_CODE, actingSubCenterCode(c)));
    }

    private String actingSubCenterCode(HotlineCase c) {
        return organisation.byId(c.getActingSubCenterId()).map(OrgUnit::getCode).orElseThrow();
    }

    /** The sign-for task waiting for the case as it stands: the sub-center's, its unit's, or the direct one. */
    private static String signTask(HotlineCase c) {
        if (c.isAtSubCenter()) {
            return "Task_SubCenterSign";
        }
        return c.isBelowSubCenter() ? "Task_LowerUnitSign" : "Task_SignForCase";
    }

    private Map<String, Object> redispatch(Staff staff, HotlineCase c, String departmentCode) {
        OrgUnit subCenter = organisation.byId(c.getActingSubCenterId()).orElseThrow();
        OrgUnit unit = belowSubCenter(c, subCenter, required(departmentCode, "departmentCode"));
        Instant now = clock.instant();
        Deadline signBy = timeLimits.signDeadlineFrom(now, c.getType(), c.getUrgency());
        c.redispatchInSubtree(unit.getId(), unit.runsSubCenter(), signBy.due(), signBy.calendarComplete(),
                subCenter.getCode() + " → " + unit.getCode(), staff.username(), now);
        cases.save(c);
        notifier.tell(c, NotificationKind.DISPATCHED, unit.getName());
        return Map.of(DEPARTMENT_CODE, unit.getCode(), SIGN_DUE, Date.from(c.getSignBy()),
                TO_SUB_CENTER, unit.runsSubCenter(), SUB_CENTER_CODE, actingSubCenterCode(c));
    }

    /** A unit strictly inside the sub-center's subtree, active, and one the dispatch level rule lets the case go to. */
    private OrgUnit belowSubCenter(HotlineCase c, OrgUnit subCenter, String code) {
        OrgUnit unit = organisation.byCode(code).filter(OrgUnit::isActive).orElseThrow(
                () -> new CaseStateException("department.unknown", "no department with code " + code));
        if (unit.getId().equals(subCenter.getId()) || !subCenter.contains(unit)) {
            throw new DispatchLevelRefused(DispatchLevelRefused.OUTSIDE_SUBTREE,
                    code + " is not a unit below the sub-center " + subCenter.getCode());
        }
        levels.check(c.getCategoryCode(), unit);
        return unit;
    }

    private void requireSubCenter(Staff staff, HotlineCase c) {
        if (!access.actsForSubCenter(staff, c)) {
            throw new CaseStateException("case.notYourSubCenter",
                    "only the sub-center's own staff act on case " + c.getCaseNumber() + " there");
        }
    }

    /** 改派 to another department, or refuse the return and send it back to the same one. */
    public void ruleOnReturn(Staff staff, String caseNumber, boolean redispatch, String departmentCode, String comment) {
        ruleOnReturn(staff, caseNumber, redispatch, departmentCode, comment, List.of());
    }

    /** As above; a 改派 may bring in assisting units (协办) too. */
    public void ruleOnReturn(Staff staff, String caseNumber, boolean redispatch, String departmentCode, String comment,
                             List<String> assistingCodes) {
        HotlineCase c = load(staff, caseNumber);
        if (redispatch) {
            c.chooseDepartment(department(c, required(departmentCode, "departmentCode")).getId(),
                    properties.returnsBeforeDesignation());
            cases.save(c);
            process.completeTask(caseNumber, "Task_ReviewReturn", Map.of(RETURN_RULING, "REDISPATCH"));
            askAssistingUnits(staff, caseNumber, assistingCodes);
        } else {
            Instant now = clock.instant();
            Deadline signBy = timeLimits.signDeadlineFrom(now, c.getType(), c.getUrgency());
            c.refuseReturn(comment, properties.returnsBeforeDesignation(), signBy.due(), signBy.calendarComplete(),
                    staff.username(), now);
            cases.save(c);
            // The sign-for task is entered afresh, and its timer reads signDue then.
            process.completeTask(caseNumber, "Task_ReviewReturn", Map.of(RETURN_RULING, "SEND_BACK",
                    SIGN_DUE, Date.from(c.getSignBy())));
        }
    }

    public void requestExtension(Staff staff, String caseNumber, Instant until, String reason) {
        HotlineCase c = load(staff, caseNumber);
        c.requestExtension(until, reason, staff.username(), clock.instant());
        cases.save(c);
        process.correlate(MESSAGE_EXTENSION_REQUESTED, caseNumber, Map.of());
    }

    public void ruleOnExtension(Staff staff, String caseNumber, boolean approved, String comment) {
        HotlineCase c = load(staff, caseNumber);
        Instant now = clock.instant();
        if (approved) {
            Instant until = c.getExtensionRequestedUntil();
            Instant warnAt = until == null ? now : timeLimits.warningAt(c.getDispatchedAt(), until);
            c.grantExtension(warnAt, staff.username(), now);
            cases.save(c);
            notifier.tell(c, NotificationKind.EXTENSION_GRANTED, c.getHandleBy().atZone(properties.zone()).toLocalDate());
            process.completeTask(caseNumber, "Task_RuleOnExtension", Map.of(EXTENSION_APPROVED, true,
                    HANDLE_DUE, Date.from(c.getHandleBy()), HANDLE_WARN_AT, Date.from(warnAt)));
        } else {
            c.refuseExtension(comment, staff.username(), now);
            cases.save(c);
            process.completeTask(caseNumber, "Task_RuleOnExtension", Map.of(EXTENSION_APPROVED, false));
        }
    }

    public void reply(Staff staff, String caseNumber, String text) {
        HotlineCase c = load(staff, caseNumber);
        assisting.beforeLeadReply(c);
        c.reply(text, staff.username(), clock.instant());
        cases.save(c);
        // Under sub-centers, the innermost one reviews first, whichever level sent an earlier reply back.
        process.completeTask(caseNumber, "Task_HandleCase", c.getActingSubCenterId() == null ? Map.of()
                : Map.of(SUB_CENTER_CODE, actingSubCenterCode(c)));
        process.stopEscalation(caseNumber);
    }

    public void reviewReply(Staff staff, String caseNumber, boolean accepted, String comment) {
        HotlineCase c = load(staff, caseNumber);
        if (accepted) {
            c.acceptReply(staff.username(), clock.instant());
            notifier.tell(c, NotificationKind.REPLIED, c.getReplyText());
        } else {
            c.sendBackReply(comment, staff.username(), clock.instant());
        }
        cases.save(c);
        process.completeTask(caseNumber, "Task_ReviewReply", Map.of(REPLY_ACCEPTED, accepted));
    }

    /** 督办: the center records what it did about an overdue case. */
    public void supervise(Staff staff, String caseNumber, String comment) {
        HotlineCase c = load(staff, caseNumber);
        c.recordSupervision(comment, staff.username(), clock.instant());
        cases.save(c);
        process.completeTask(caseNumber, "Task_SuperviseCase", Map.of());
    }

    /** 催办: a reminder to the department, recorded on the case. */
    public void remind(Staff staff, String caseNumber, String comment) {
        HotlineCase c = load(staff, caseNumber);
        c.remind(comment, staff.username(), clock.instant());
        cases.save(c);
    }

    /** 回访 by phone: the center records the rating the citizen gave on the call. */
    public void recordFeedbackByPhone(Staff staff, String caseNumber, Satisfaction rating, String comment) {
        rate(load(staff, caseNumber), rating, comment, staff.username());
    }

    /** The citizen rates online; a wrong query code answers exactly like an unknown case. */
    public void recordCitizenFeedback(String caseNumber, String queryCode, Satisfaction rating, String comment) {
        HotlineCase c = cases.findByCaseNumber(caseNumber)
                .filter(found -> queryCodes.matches(caseNumber, queryCode, found.getQueryCodeHash()))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        rate(c, rating, comment, "citizen");
    }

    /** A rating the citizen gave by replying on the channel the feedback request went out on. */
    public void recordRatingFromChannel(String caseNumber, Satisfaction rating, String comment, String actor) {
        rate(cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber)),
                rating, comment, actor);
    }

    private void rate(HotlineCase c, Satisfaction rating, String comment, String actor) {
        c.recordFeedback(rating, comment, actor, clock.instant());
        boolean reHandle = rehandling.shouldRehandle(c);
        cases.save(c);
        process.correlate(MESSAGE_FEEDBACK_GIVEN, c.getCaseNumber(), Map.of(RE_HANDLE, reHandle));
    }

    /**
     * The case, if the staff member may act on it as the center or its lead department. An assisting unit
     * reads the case but is refused here (403), since these are the lead's steps; anyone else gets 404.
     */
    private HotlineCase load(Staff staff, String caseNumber) {
        HotlineCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (!access.canSee(staff, c) && access.canRead(staff, c)) {
            throw new LeadOnlyRefused(caseNumber);
        }
        return actingOn(cases, access, staff, caseNumber);
    }

    /** Units named with a dispatch are asked once the lead has the case; without a lead (no route) they cannot be. */
    private void askAssistingUnits(Staff staff, String caseNumber, List<String> assistingCodes) {
        if (assistingCodes == null || assistingCodes.stream().allMatch(code -> code == null || code.isBlank())) {
            return;
        }
        HotlineCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (c.getStatus() != CaseStatus.DISPATCHED) {
            throw new CaseStateException("assist.noLead", "assisting units need a lead department: choose one");
        }
        assisting.request(staff, caseNumber, assistingCodes);
    }

    /**
     * The case the staff member may change. One they may only read (transferred out of their region) is a
     * conflict that says where the case is now; one they may not see at all answers like an unknown number.
     */
    public static HotlineCase actingOn(CaseRepository cases, CaseAccessPolicy access, Staff staff, String caseNumber) {
        HotlineCase c = cases.findByCaseNumber(caseNumber).filter(found -> access.canSee(staff, found))
                .orElseThrow(() -> new CaseNotFoundException(caseNumber));
        if (!access.canActOn(staff, c)) {
            throw new CaseStateException("case.otherRegion",
                    "case " + caseNumber + " is with the center of region " + c.getRegionCode() + " now: read only");
        }
        return c;
    }

    /**
     * The unit the center chose, if it exists, lies in the case's region and the dispatch level rule lets the
     * case go down to it.
     */
    private OrgUnit department(HotlineCase c, String code) {
        OrgUnit unit = organisation.byCode(code).orElseThrow(() -> new CaseStateException("department.unknown",
                "no department with code " + code));
        if (!Regions.contains(c.getRegionCode(), unit)) {
            throw new CaseStateException("department.otherRegion",
                    code + " belongs to another region than case " + c.getCaseNumber() + " (" + c.getRegionCode() + ")");
        }
        levels.check(c.getCategoryCode(), unit);
        assisting.requireNotAssisting(c, unit.getId());
        return unit;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new CaseStateException("field.required", field + " is required");
        }
        return value;
    }
}

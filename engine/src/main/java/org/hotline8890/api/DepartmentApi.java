package org.hotline8890.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.security.CurrentStaff;
import org.hotline8890.workflow.AssistActions;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.SubCenterRuling;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The department workbench (承办单位): its own subtree's cases only. A sub-center (分中心) works here too:
 * it signs and returns like any unit, and re-dispatches, rules on returns and reviews replies below it.
 */
@RestController
@RequestMapping("/api/department")
class DepartmentApi {

    private final CaseActions actions;
    private final AssistActions assisting;
    private final DepartmentDesk desk;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final Clock clock;

    DepartmentApi(CaseActions actions, AssistActions assisting, DepartmentDesk desk, CaseViews views, CurrentStaff staff,
                  Clock clock) {
        this.actions = actions;
        this.assisting = assisting;
        this.desk = desk;
        this.views = views;
        this.staff = staff;
        this.clock = clock;
    }

    record Reason(@NotBlank @Size(max = 1000) String reason) {
    }

    /** {@code until}: the new last day; the deadline becomes the end of that day. */
    record ExtensionRequest(@NotNull LocalDate until, @NotBlank @Size(max = 1000) String reason) {
    }

    record Reply(@NotBlank @Size(max = 5000) String text) {
    }

    /** A sub-center's choice of the unit below it (分中心二次派单). */
    record Redispatch(@NotBlank @Size(max = 64) String departmentCode) {
    }

    /** A sub-center's ruling on its unit's return; {@code departmentCode} for REDISPATCH, a reason for PASS_UP. */
    record SubCenterReturnRuling(@NotNull SubCenterRuling ruling, @Size(max = 64) String departmentCode,
                                 @Size(max = 1000) String comment) {
    }

    /** A sub-center's review of its unit's reply; sending it back needs the reason. */
    record SubCenterReview(@NotNull Boolean approved, @Size(max = 1000) String comment) {
    }

    record Contribution(@NotBlank @Size(max = 5000) String text) {
    }

    /** Open cases, the nearest deadline first (sign-by while unsigned, handle-by after). */
    @GetMapping("/cases")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> ownCases() {
        Instant now = clock.instant();
        return desk.ownCases(staff.get()).stream().map(c -> views.summary(c, now)).toList();
    }

    @PostMapping("/cases/{caseNumber}/sign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void sign(@PathVariable String caseNumber) {
        actions.sign(staff.get(), caseNumber);
    }

    @PostMapping("/cases/{caseNumber}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnCase(@PathVariable String caseNumber, @Valid @RequestBody Reason reason) {
        actions.returnToCenter(staff.get(), caseNumber, reason.reason());
    }

    @PostMapping("/cases/{caseNumber}/extension")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requestExtension(@PathVariable String caseNumber, @Valid @RequestBody ExtensionRequest request) {
        desk.requestExtension(staff.get(), caseNumber, request.until(), request.reason());
    }

    @PostMapping("/cases/{caseNumber}/reply")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reply(@PathVariable String caseNumber, @Valid @RequestBody Reply reply) {
        actions.reply(staff.get(), caseNumber, reply.text());
    }

    // --- 分中心: only the sub-center's own staff; docs/organisation.md, "Sub-centers" ----------------

    @PostMapping("/cases/{caseNumber}/redispatch")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void redispatch(@PathVariable String caseNumber, @Valid @RequestBody Redispatch request) {
        actions.redispatchInSubCenter(staff.get(), caseNumber, request.departmentCode().strip());
    }

    @PostMapping("/cases/{caseNumber}/sub-center-ruling")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ruleOnReturn(@PathVariable String caseNumber, @Valid @RequestBody SubCenterReturnRuling request) {
        actions.ruleOnReturnInSubCenter(staff.get(), caseNumber, request.ruling(), request.departmentCode(),
                request.comment());
    }

    @PostMapping("/cases/{caseNumber}/sub-center-review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reviewReply(@PathVariable String caseNumber, @Valid @RequestBody SubCenterReview request) {
        actions.reviewReplyInSubCenter(staff.get(), caseNumber, request.approved(), request.comment());
    }

    /** Cases I assist (协办): the unit's parts still owed, the nearest deadline first. */
    @GetMapping("/assists")
    @Transactional(readOnly = true)
    List<CaseViews.AssistSummary> ownAssists() {
        Instant now = clock.instant();
        return desk.ownAssists(staff.get()).stream().map(a -> views.assistSummary(a, now)).toList();
    }

    @PostMapping("/cases/{caseNumber}/assist/sign")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signAssist(@PathVariable String caseNumber) {
        assisting.sign(staff.get(), caseNumber);
    }

    @PostMapping("/cases/{caseNumber}/assist/decline")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void declineAssist(@PathVariable String caseNumber, @Valid @RequestBody Reason reason) {
        assisting.decline(staff.get(), caseNumber, reason.reason());
    }

    @PostMapping("/cases/{caseNumber}/assist/contribution")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void contribute(@PathVariable String caseNumber, @Valid @RequestBody Contribution contribution) {
        assisting.contribute(staff.get(), caseNumber, contribution.text());
    }
}

package org.hotline8890.api;

import java.time.Clock;
import java.util.List;

import jakarta.validation.Valid;

import org.hotline8890.api.CenterRequests.AssistRequest;
import org.hotline8890.api.CenterRequests.AssistWithdrawal;
import org.hotline8890.api.CenterRequests.DeclineRuling;
import org.hotline8890.api.CenterRequests.Dispatch;
import org.hotline8890.api.CenterRequests.IntakeReview;
import org.hotline8890.api.CenterRequests.Note;
import org.hotline8890.api.CenterRequests.PhoneFeedback;
import org.hotline8890.api.CenterRequests.ReplyReview;
import org.hotline8890.api.CenterRequests.ReturnRuling;
import org.hotline8890.api.CenterRequests.Ruling;
import org.hotline8890.assisting.AssistRepository;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.AssistActions;
import org.hotline8890.workflow.CaseActions;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The center (热线中心): intake review, dispatch, returns, extensions, reply review, supervision, callbacks. */
@RestController
@RequestMapping("/api/center")
class CenterApi {

    private final CaseActions actions;
    private final AssistActions assisting;
    private final AssistRepository assists;
    private final CaseRepository cases;
    private final CaseViews views;
    private final CurrentStaff staff;
    private final CaseAccessPolicy access;
    private final Clock clock;

    CenterApi(CaseActions actions, AssistActions assisting, AssistRepository assists, CaseRepository cases,
              CaseViews views, CurrentStaff staff, CaseAccessPolicy access, Clock clock) {
        this.actions = actions;
        this.assisting = assisting;
        this.assists = assists;
        this.cases = cases;
        this.views = views;
        this.staff = staff;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/intake")
    List<CaseViews.CaseSummary> awaitingIntake() {
        return list(CaseStatus.RECEIVED);
    }

    @GetMapping("/dispatch")
    List<CaseViews.CaseSummary> awaitingDispatch() {
        return list(CaseStatus.AWAITING_DISPATCH);
    }

    @GetMapping("/returns")
    List<CaseViews.CaseSummary> returns() {
        return list(CaseStatus.RETURNED);
    }

    @GetMapping("/replies")
    List<CaseViews.CaseSummary> replies() {
        return list(CaseStatus.REPLIED);
    }

    @GetMapping("/extensions")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> extensions() {
        return summaries(cases.findWithPendingExtension());
    }

    /** 督办 board: the cases the published {@code overdue} figure counts as overdue, the most overdue first. */
    @GetMapping("/overdue")
    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> overdue() {
        return summaries(cases.findOverdue(clock.instant()));
    }

    @PostMapping("/cases/{caseNumber}/intake-review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reviewIntake(@PathVariable String caseNumber, @Valid @RequestBody IntakeReview review) {
        review.check();
        actions.reviewIntake(staff.get(), caseNumber, review.decision(), review.text(), review.articleId(),
                review.mergeInto(), review.departmentCode(), review.assisting());
    }

    @PostMapping("/cases/{caseNumber}/dispatch")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void dispatch(@PathVariable String caseNumber, @Valid @RequestBody Dispatch dispatch) {
        actions.dispatchManually(staff.get(), caseNumber, dispatch.departmentCode(), dispatch.assisting());
    }

    @PostMapping("/cases/{caseNumber}/return-ruling")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ruleOnReturn(@PathVariable String caseNumber, @Valid @RequestBody ReturnRuling ruling) {
        ruling.check();
        actions.ruleOnReturn(staff.get(), caseNumber, ruling.redispatch(), ruling.departmentCode(), ruling.comment(),
                ruling.assisting());
    }

    @PostMapping("/cases/{caseNumber}/extension-ruling")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ruleOnExtension(@PathVariable String caseNumber, @Valid @RequestBody Ruling ruling) {
        actions.ruleOnExtension(staff.get(), caseNumber, ruling.approved(), ruling.comment());
    }

    @PostMapping("/cases/{caseNumber}/reply-review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void reviewReply(@PathVariable String caseNumber, @Valid @RequestBody ReplyReview review) {
        review.check();
        actions.reviewReply(staff.get(), caseNumber, review.accepted(), review.comment());
    }

    @PostMapping("/cases/{caseNumber}/supervision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void supervise(@PathVariable String caseNumber, @Valid @RequestBody Note note) {
        actions.supervise(staff.get(), caseNumber, note.comment());
    }

    @PostMapping("/cases/{caseNumber}/reminders")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remind(@PathVariable String caseNumber, @Valid @RequestBody Note note) {
        actions.remind(staff.get(), caseNumber, note.comment());
    }

    @PostMapping("/cases/{caseNumber}/feedback")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void feedbackByPhone(@PathVariable String caseNumber, @Valid @RequestBody PhoneFeedback feedback) {
        actions.recordFeedbackByPhone(staff.get(), caseNumber, feedback.rating(), feedback.comment());
    }

    /** 协办: asks more units to assist on a case its lead is handling. */
    @PostMapping("/cases/{caseNumber}/assists")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void requestAssists(@PathVariable String caseNumber, @Valid @RequestBody AssistRequest request) {
        assisting.request(staff.get(), caseNumber, request.unitCodes());
    }

    @PostMapping("/cases/{caseNumber}/assists/{unitCode}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdrawAssist(@PathVariable String caseNumber, @PathVariable String unitCode,
                        @Valid @RequestBody AssistWithdrawal withdrawal) {
        assisting.withdraw(staff.get(), caseNumber, unitCode, withdrawal.reason());
    }

    /** A unit declined: ask {@code replacements} instead, or none to go on without that part. */
    @PostMapping("/cases/{caseNumber}/assists/{unitCode}/decline-ruling")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void ruleOnDecline(@PathVariable String caseNumber, @PathVariable String unitCode,
                       @Valid @RequestBody DeclineRuling ruling) {
        assisting.settleDecline(staff.get(), caseNumber, unitCode, ruling.instead());
    }

    /** Declined assists the center has not dealt with yet, oldest first. */
    @GetMapping("/assists/declined")
    @Transactional(readOnly = true)
    List<CaseViews.AssistSummary> declinedAssists() {
        // Each center deals with its own region's cases only.
        return assists.findDeclinesAwaitingCenter().stream()
                .filter(a -> cases.findById(a.getCaseId()).filter(c -> access.canActOn(staff.get(), c)).isPresent())
                .map(a -> views.assistSummary(a, clock.instant())).toList();
    }

    @Transactional(readOnly = true)
    List<CaseViews.CaseSummary> list(CaseStatus status) {
        return summaries(cases.findByStatusOrderByReceivedAtAsc(status));
    }

    /** Each center's queues hold its own region's cases only: those it may act on. */
    private List<CaseViews.CaseSummary> summaries(List<HotlineCase> found) {
        Staff me = staff.get();
        return found.stream().filter(c -> access.canActOn(me, c)).map(c -> views.summary(c, clock.instant())).toList();
    }
}

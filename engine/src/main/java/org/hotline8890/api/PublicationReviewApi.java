package org.hotline8890.api;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.publication.InvalidReviewText;
import org.hotline8890.publication.PublicationReview;
import org.hotline8890.security.CaseAccessPolicy;
import org.hotline8890.security.CurrentStaff;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** 公开审核 by the center: results waiting for review, approved (optionally edited) or withheld. */
@RestController
@RequestMapping("/api/center/publications")
class PublicationReviewApi {

    /** Texts the reviewer edited; a field left out keeps the de-identified text. */
    public record Approval(@Size(max = PublicationReview.SUBJECT_MAX) String subject,
                           @Size(max = PublicationReview.TEXT_MAX) String content,
                           @Size(max = PublicationReview.TEXT_MAX) String reply) {
    }

    public record Withholding(@NotBlank @Size(max = PublicationReview.REASON_MAX) String reason) {
    }

    private final PublicationReview review;
    private final CurrentStaff staff;
    private final CaseRepository cases;
    private final CaseAccessPolicy access;

    PublicationReviewApi(PublicationReview review, CurrentStaff staff, CaseRepository cases, CaseAccessPolicy access) {
        this.review = review;
        this.staff = staff;
        this.cases = cases;
        this.access = access;
    }

    /** A center reviews its own region's results; another region's case answers like an unknown one. */
    @GetMapping
    List<PublicationReview.Pending> pending() {
        Staff me = staff.get();
        return review.pending(c -> access.canActOn(me, c));
    }

    @PostMapping("/{caseNumber}/approve")
    PublicationReview.Approved approve(@PathVariable String caseNumber,
                                       @Valid @RequestBody(required = false) Approval approval) {
        Approval given = approval == null ? new Approval(null, null, null) : approval;
        CaseActions.actingOn(cases, access, staff.get(), caseNumber);
        try {
            return review.approve(staff.get().username(), caseNumber,
                    new PublicationReview.Texts(given.subject(), given.content(), given.reply()));
        } catch (InvalidReviewText e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
    }

    @PostMapping("/{caseNumber}/withhold")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withhold(@PathVariable String caseNumber, @Valid @RequestBody Withholding withholding) {
        CaseActions.actingOn(cases, access, staff.get(), caseNumber);
        try {
            review.withhold(staff.get().username(), caseNumber, withholding.reason());
        } catch (InvalidReviewText e) {
            throw new InvalidFieldException(e.field(), e.getMessage());
        }
    }
}

package org.hotline8890.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Regions;
import org.hotline8890.workflow.IntakeDecision;

/**
 * What the center sends with each of its actions, and the rules each must pass before it reaches
 * {@link org.hotline8890.workflow.CaseActions}. The JSON API and the center's pages both check these
 * same records (bean constraints, then {@code check()} for rules between fields), so a form and an API
 * call are refused for the same reasons. {@code check()} names the refused field in an
 * {@link InvalidFieldException}.
 */
public final class CenterRequests {

    private CenterRequests() {
    }

    /** {@code articleId}: the knowledge article an ANSWER came from. */
    public record IntakeReview(@NotNull IntakeDecision decision, @Size(max = 5000) String text,
                               @Size(max = 32) String mergeInto, @Size(max = 64) String departmentCode, Long articleId) {

        public void check() {
            if (decision == IntakeDecision.REVIEW) {
                throw new InvalidFieldException("decision", "choose ANSWER, REJECT, MERGE or DISPATCH");
            }
            if ((decision == IntakeDecision.ANSWER || decision == IntakeDecision.REJECT) && blank(text)) {
                throw new InvalidFieldException("text", decision == IntakeDecision.ANSWER
                        ? "the answer is required" : "the reason is required");
            }
            if (decision == IntakeDecision.MERGE && blank(mergeInto)) {
                throw new InvalidFieldException("mergeInto", "the case number to merge into is required");
            }
            if (articleId != null && decision != IntakeDecision.ANSWER) {
                throw new InvalidFieldException("articleId", "an article is cited only with ANSWER");
            }
        }
    }

    public record Dispatch(@NotBlank @Size(max = 64) String departmentCode) {
    }

    public record ReturnRuling(@NotNull Boolean redispatch, @Size(max = 64) String departmentCode,
                               @Size(max = 1000) String comment) {

        public void check() {
            if (Boolean.TRUE.equals(redispatch) && blank(departmentCode)) {
                throw new InvalidFieldException("departmentCode", "the department to re-dispatch to is required");
            }
        }
    }

    public record Ruling(@NotNull Boolean approved, @Size(max = 1000) String comment) {
    }

    public record ReplyReview(@NotNull Boolean accepted, @Size(max = 1000) String comment) {

        public void check() {
            if (Boolean.FALSE.equals(accepted) && blank(comment)) {
                throw new InvalidFieldException("comment", "say why the reply is sent back");
            }
        }
    }

    /** A 督办 or 催办 note. */
    public record Note(@NotBlank @Size(max = 1000) String comment) {
    }

    public record PhoneFeedback(@NotNull Satisfaction rating, @Size(max = 1000) String comment) {
    }

    /** 跨区域转办: the region (its root unit's code) whose center takes the case over, and why. */
    public record Transfer(@NotBlank @Size(max = 64) String toRegion, @NotBlank @Size(max = 1000) String reason) {

        public void check(Regions regions) {
            if (regions.byCode(toRegion).isEmpty()) {
                throw new InvalidFieldException("toRegion", "no region " + toRegion);
            }
        }
    }

    /** The receiving center sends a transfer back, once, saying why. */
    public record TransferRefusal(@NotBlank @Size(max = 1000) String reason) {
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

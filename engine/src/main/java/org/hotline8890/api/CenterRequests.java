package org.hotline8890.api;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
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

    /** More assisting units than this on one request is a mistake, not a case. */
    static final int MAX_ASSISTING = 10;

    private CenterRequests() {
    }

    /**
     * {@code articleId}: the knowledge article an ANSWER came from; {@code assistingCodes}: the assisting
     * units (协办) a DISPATCH brings in besides the lead.
     */
    public record IntakeReview(@NotNull IntakeDecision decision, @Size(max = 5000) String text,
                               @Size(max = 32) String mergeInto, @Size(max = 64) String departmentCode, Long articleId,
                               @Size(max = MAX_ASSISTING) List<@NotBlank @Size(max = 64) String> assistingCodes) {

        public IntakeReview(IntakeDecision decision, String text, String mergeInto, String departmentCode, Long articleId) {
            this(decision, text, mergeInto, departmentCode, articleId, null);
        }

        public List<String> assisting() {
            return assistingCodes == null ? List.of() : assistingCodes;
        }

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
            if (!assisting().isEmpty() && decision != IntakeDecision.DISPATCH) {
                throw new InvalidFieldException("assistingCodes", "assisting units are named only with DISPATCH");
            }
        }
    }

    /** {@code assistingCodes}: the assisting units (协办) the dispatch brings in besides the lead. */
    public record Dispatch(@NotBlank @Size(max = 64) String departmentCode,
                           @Size(max = MAX_ASSISTING) List<@NotBlank @Size(max = 64) String> assistingCodes) {

        public Dispatch(String departmentCode) {
            this(departmentCode, null);
        }

        public List<String> assisting() {
            return assistingCodes == null ? List.of() : assistingCodes;
        }
    }

    /** {@code assistingCodes}: assisting units (协办) a 改派 brings in besides the new lead. */
    public record ReturnRuling(@NotNull Boolean redispatch, @Size(max = 64) String departmentCode,
                               @Size(max = 1000) String comment,
                               @Size(max = MAX_ASSISTING) List<@NotBlank @Size(max = 64) String> assistingCodes) {

        public ReturnRuling(Boolean redispatch, String departmentCode, String comment) {
            this(redispatch, departmentCode, comment, null);
        }

        public List<String> assisting() {
            return assistingCodes == null ? List.of() : assistingCodes;
        }

        public void check() {
            if (Boolean.TRUE.equals(redispatch) && blank(departmentCode)) {
                throw new InvalidFieldException("departmentCode", "the department to re-dispatch to is required");
            }
            if (!Boolean.TRUE.equals(redispatch) && !assisting().isEmpty()) {
                throw new InvalidFieldException("assistingCodes", "assisting units are named only with a re-dispatch");
            }
        }
    }

    /** 协办: the units the center asks to assist on a case being handled. */
    public record AssistRequest(@NotEmpty @Size(max = MAX_ASSISTING) List<@NotBlank @Size(max = 64) String> unitCodes) {
    }

    /** Why the center withdraws an assisting unit (optional). */
    public record AssistWithdrawal(@Size(max = 1000) String reason) {
    }

    /** The center's answer to a decline: the units asked instead ({@code replacements}), none to drop it. */
    public record DeclineRuling(@Size(max = MAX_ASSISTING) List<@NotBlank @Size(max = 64) String> replacements) {

        public List<String> instead() {
            return replacements == null ? List.of() : replacements;
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

package org.hotline8890.classification;

import java.util.List;

/**
 * Suggests how to file a request; the agent's form shows the guesses beside the fields.
 *
 * <p>The implementation ({@code LearnedClassifier}) learns from the hotline's own closed cases (and, with
 * demo data on, from the demo request corpus); it calls no outside service. With too little data for a
 * field it answers an empty list for that field rather than a guess.
 *
 * <p>Corrections: when staff save a case, the page calls {@link #recordChoice(long, Suggestions, Choice)}
 * with the suggestions it showed and what was chosen. For every field where a suggestion was shown, one
 * row goes to {@code classification_feedback} (suggested = the top guess, chosen = the field's value), so
 * the accuracy report sees both the accepted and the corrected suggestions. The model learns the chosen
 * labels when the case closes, like every closed case.
 */
public interface CaseClassifier {

    /** One guess: a code ({@code CaseType} name, category code or department code) and its confidence 0..1. */
    record Guess(String code, double score) {
    }

    /** Up to {@code limit} guesses for each field, the likeliest first; empty lists when nothing is known. */
    record Suggestions(List<Guess> types, List<Guess> categories, List<Guess> departments) {
    }

    /**
     * What staff filed the case under: the {@code CaseType} name, the category code and the department
     * (OrgUnit) code; any may be null when the form did not set it (e.g. no department on a direct answer).
     */
    record Choice(String type, String category, String department) {
    }

    Suggestions suggest(String text, int limit);

    /**
     * Records, for the accuracy report, what staff chose for case {@code caseId} against the suggestions
     * they were shown ({@code shown} may be null when none were shown: nothing is recorded). Does nothing
     * in implementations that keep no record.
     */
    default void recordChoice(long caseId, Suggestions shown, Choice chosen) {
    }
}

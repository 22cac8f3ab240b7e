package org.hotline8890.classification;

import java.util.List;

/** Suggests how to file a request; the agent's form shows the guesses beside the fields. */
public interface CaseClassifier {

    /** One guess: a code ({@code CaseType} name, category code or department code) and its confidence 0..1. */
    record Guess(String code, double score) {
    }

    /** Up to {@code limit} guesses for each field, the likeliest first; empty lists when nothing is known. */
    record Suggestions(List<Guess> types, List<Guess> categories, List<Guess> departments) {
    }

    Suggestions suggest(String text, int limit);
}

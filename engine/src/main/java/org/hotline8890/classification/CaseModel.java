package org.hotline8890.classification;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** One naive Bayes model per field, over the same features of a request. */
final class CaseModel {

    /** Light smoothing: short requests share few words, and a large alpha drowns them in the prior. */
    static final double ALPHA = 0.1;

    private final Features features;
    private final NaiveBayes types;
    private final NaiveBayes categories;
    private final NaiveBayes departments;

    CaseModel(Features features, int minExamplesPerLabel) {
        this.features = features;
        this.types = new NaiveBayes(ALPHA, minExamplesPerLabel);
        this.categories = new NaiveBayes(ALPHA, minExamplesPerLabel);
        this.departments = new NaiveBayes(ALPHA, minExamplesPerLabel);
    }

    static CaseModel trainedOn(Features features, int minExamplesPerLabel, Collection<Example> examples) {
        CaseModel model = new CaseModel(features, minExamplesPerLabel);
        examples.forEach(model::learn);
        return model;
    }

    void learn(Example example) {
        Set<String> words = features.of(example.text());
        types.learn(words, example.type());
        categories.learn(words, example.category());
        departments.learn(words, example.department());
    }

    CaseClassifier.Suggestions suggest(String text, int limit) {
        Set<String> words = features.of(text);
        return new CaseClassifier.Suggestions(types.guess(words, limit), categories.guess(words, limit),
                departments.guess(words, limit));
    }

    int examples() {
        return Math.max(types.examples(), Math.max(categories.examples(), departments.examples()));
    }

    static CaseClassifier.Suggestions nothing() {
        return new CaseClassifier.Suggestions(List.of(), List.of(), List.of());
    }
}

package org.hotline8890.classification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A multinomial naive Bayes model of one field (type, category or department) over binary features,
 * with add-{@code alpha} smoothing. Learning only adds counts, so a closed case is learnt the moment
 * it closes without retraining the rest. Safe for concurrent learning and guessing.
 *
 * <p>It refuses to guess rather than guess badly: only labels with at least {@code minExamples}
 * examples are candidates, there must be two of them (one candidate is not a choice), and the text
 * must share at least one feature with what it has learnt (otherwise the answer would be the prior,
 * i.e. "the commonest label", dressed up as a guess).
 */
final class NaiveBayes {

    private final double alpha;
    private final int minExamples;
    private final Map<String, Integer> examples = new HashMap<>();
    private final Map<String, Map<String, Integer>> featureCounts = new HashMap<>();
    private final Map<String, Integer> featureTotals = new HashMap<>();
    private final Map<String, Integer> vocabulary = new HashMap<>();
    private int total;

    NaiveBayes(double alpha, int minExamples) {
        if (alpha <= 0) {
            throw new IllegalArgumentException("alpha must be positive");
        }
        this.alpha = alpha;
        this.minExamples = Math.max(1, minExamples);
    }

    synchronized void learn(Collection<String> features, String label) {
        if (label == null || label.isBlank()) {
            return;
        }
        examples.merge(label, 1, Integer::sum);
        total++;
        Map<String, Integer> counts = featureCounts.computeIfAbsent(label, l -> new HashMap<>());
        for (String feature : Set.copyOf(features)) {
            counts.merge(feature, 1, Integer::sum);
            featureTotals.merge(label, 1, Integer::sum);
            vocabulary.merge(feature, 1, Integer::sum);
        }
    }

    /** The likeliest labels first, at most {@code limit}, scores summing to 1 over all candidates. */
    synchronized List<CaseClassifier.Guess> guess(Collection<String> features, int limit) {
        List<String> candidates = examples.entrySet().stream()
                .filter(e -> e.getValue() >= minExamples).map(Map.Entry::getKey).sorted().toList();
        List<String> known = features.stream().distinct().filter(vocabulary::containsKey).toList();
        if (limit <= 0 || candidates.size() < 2 || known.isEmpty()) {
            return List.of();
        }
        int candidateTotal = candidates.stream().mapToInt(examples::get).sum();
        double vocabularySize = vocabulary.size();
        double[] logs = new double[candidates.size()];
        for (int i = 0; i < logs.length; i++) {
            String label = candidates.get(i);
            Map<String, Integer> counts = featureCounts.get(label);
            double denominator = featureTotals.getOrDefault(label, 0) + alpha * vocabularySize;
            double log = Math.log((double) examples.get(label) / candidateTotal);
            // Unknown features are left out: they say nothing about any label.
            for (String feature : known) {
                log += Math.log((counts.getOrDefault(feature, 0) + alpha) / denominator);
            }
            logs[i] = log;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (double log : logs) {
            max = Math.max(max, log);
        }
        double sum = 0;
        double[] weights = new double[logs.length];
        for (int i = 0; i < logs.length; i++) {
            weights[i] = Math.exp(logs[i] - max);
            sum += weights[i];
        }
        List<CaseClassifier.Guess> guesses = new ArrayList<>();
        for (int i = 0; i < logs.length; i++) {
            guesses.add(new CaseClassifier.Guess(candidates.get(i), weights[i] / sum));
        }
        guesses.sort(Comparator.comparingDouble(CaseClassifier.Guess::score).reversed()
                .thenComparing(CaseClassifier.Guess::code));
        return List.copyOf(guesses.subList(0, Math.min(limit, guesses.size())));
    }

    synchronized int examples() {
        return total;
    }
}

package org.hotline8890.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Runs every sentence of {@code publication/deidentification-corpus.txt} through the
 * {@link Deidentifier}, without telling it any name: each marked personal fragment must be gone,
 * and each stretch of ordinary text between them must remain as it was. A fragment's long digit
 * runs must be gone too, so a half-masked number does not pass. Counts: docs/deidentification.md.
 */
class DeidentificationCorpusTest {

    private static final Pattern MARKED = Pattern.compile("\\[\\[(.+?)]]");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{4,}");

    private final Deidentifier deidentifier = new Deidentifier();

    record Sentence(int line, String text, List<String> personal, List<String> ordinary) {
    }

    @Test
    void theCorpusIsLargeAndCoversEveryKindOfPersonalData() throws IOException {
        List<Sentence> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(100);
        List<String> fragments = corpus.stream().flatMap(s -> s.personal().stream()).toList();
        assertThat(fragments).anyMatch(f -> f.matches("\\d{17}[Xx]"))
                .anyMatch(f -> f.contains("@"))
                .anyMatch(f -> f.endsWith("先生")).anyMatch(f -> f.endsWith("女士"))
                .anyMatch(f -> f.contains("单元"))
                .anyMatch(f -> f.startsWith("0") && f.contains("-"))
                .anyMatch(f -> f.startsWith("+86"));
    }

    @Test
    void noMarkedPersonalFragmentSurvivesAndOrdinaryTextDoes() throws IOException {
        List<String> leaks = new ArrayList<>();
        List<String> damaged = new ArrayList<>();
        int fragments = 0;
        for (Sentence sentence : corpus()) {
            String masked = deidentifier.mask(sentence.text());
            for (String personal : sentence.personal()) {
                fragments++;
                if (masked.contains(personal) || leaksDigits(personal, masked, sentence)) {
                    leaks.add(sentence.line() + ": " + personal + " → " + masked);
                }
            }
            for (String ordinary : sentence.ordinary()) {
                if (!masked.contains(ordinary)) {
                    damaged.add(sentence.line() + ": \"" + ordinary + "\" → " + masked);
                }
            }
        }
        assertThat(leaks).as("%d of %d personal fragments survived", leaks.size(), fragments).isEmpty();
        assertThat(damaged).as("%d stretches of ordinary text were changed", damaged.size()).isEmpty();
    }

    private static boolean leaksDigits(String personal, String masked, Sentence sentence) {
        Matcher digits = DIGIT_RUN.matcher(personal);
        while (digits.find()) {
            boolean alsoOrdinary = sentence.ordinary().stream().anyMatch(o -> o.contains(digits.group()));
            if (!alsoOrdinary && masked.contains(digits.group())) {
                return true;
            }
        }
        return false;
    }

    private static List<Sentence> corpus() throws IOException {
        List<Sentence> sentences = new ArrayList<>();
        try (InputStream in = DeidentificationCorpusTest.class.getResourceAsStream("/publication/deidentification-corpus.txt")) {
            assertThat(in).as("the corpus resource").isNotNull();
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                List<String> personal = new ArrayList<>();
                List<String> ordinary = new ArrayList<>();
                Matcher marked = MARKED.matcher(line);
                int from = 0;
                while (marked.find()) {
                    addOrdinary(ordinary, line.substring(from, marked.start()));
                    personal.add(marked.group(1));
                    from = marked.end();
                }
                addOrdinary(ordinary, line.substring(from));
                sentences.add(new Sentence(i + 1, MARKED.matcher(line).replaceAll("$1"), personal, ordinary));
            }
        }
        return sentences;
    }

    private static void addOrdinary(List<String> ordinary, String stretch) {
        if (!stretch.isBlank()) {
            ordinary.add(stretch);
        }
    }
}

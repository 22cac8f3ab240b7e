package org.hotline8890.merging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Precision and recall of the text rule on merging/pairs.tsv, labelled request pairs (repeats worded
 * differently, the same kind of matter at another place, unrelated matters): every request of the set
 * is an open case of one district; a pair counts as found when request B is suggested for request A at
 * the threshold configured in application.yml. The floors are the figures docs/merging.md records.
 */
class RepeatDetectionQualityTest {

    /** Recorded in docs/merging.md; the rule must not get worse than this. */
    static final double PRECISION_AT_LEAST = 0.92;
    static final double RECALL_AT_LEAST = 0.93;

    record Pair(boolean same, String a, String b) {
    }

    static OpenCaseIndex index;
    static List<Pair> pairs;
    static Map<String, Long> ids;
    static MergingSettings settings;
    static final Instant NOW = Instant.parse("2026-11-20T08:00:00Z");

    @BeforeAll
    static void indexEveryRequestOfTheSet() throws IOException {
        StandardEnvironment env = new StandardEnvironment();
        new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
                .forEach(env.getPropertySources()::addLast);
        settings = Binder.get(env).bind("hotline.merging", MergingSettings.class).get();

        pairs = new ArrayList<>();
        ids = new LinkedHashMap<>();
        String tsv = new ClassPathResource("merging/pairs.tsv").getContentAsString(StandardCharsets.UTF_8);
        for (String line : tsv.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            Pair p = new Pair(f[0].equals("SAME"), OpenCaseIndexing.text(f[1], f[2]), OpenCaseIndexing.text(f[3], f[4]));
            pairs.add(p);
            ids.putIfAbsent(p.a(), (long) ids.size() + 1);
            ids.putIfAbsent(p.b(), (long) ids.size() + 1);
        }
        index = new OpenCaseIndex();
        ids.forEach((text, id) -> index.put(new OpenCaseIndex.OpenCase(id, "8890-" + id, text, "DC",
                NOW.minusSeconds(id * 3600), text)));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    @Test
    void theSetIsLargeEnoughAndHasBothLabels() {
        assertThat(pairs).hasSizeGreaterThanOrEqualTo(150);
        assertThat(pairs.stream().filter(Pair::same).count()).isGreaterThanOrEqualTo(50);
        assertThat(pairs.stream().filter(p -> !p.same()).count()).isGreaterThanOrEqualTo(50);
    }

    @Test
    void atTheConfiguredThresholdPrecisionAndRecallAreAtLeastTheRecordedFigures() {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Pair p : pairs) {
            boolean found = index.similar(p.a(), "DC", NOW.minus(settings.window()), NOW.plus(settings.window()),
                    ids.get(p.a()), settings.minScore(), settings.candidates()).stream()
                    .anyMatch(m -> m.openCase().id() == ids.get(p.b()));
            if (found && p.same()) {
                tp++;
            } else if (found) {
                fp++;
                System.out.println("false positive: " + p);
            } else if (p.same()) {
                fn++;
                System.out.println("missed: " + p);
            }
        }
        double precision = tp / (double) (tp + fp);
        double recall = tp / (double) (tp + fn);
        System.out.printf("min-score %.2f: %d pairs, tp %d, fp %d, fn %d, precision %.3f, recall %.3f%n",
                settings.minScore(), pairs.size(), tp, fp, fn, precision, recall);
        long started = System.nanoTime();
        counts(settings.minScore());
        System.out.printf("%d look-ups in %d ms%n", pairs.size(), (System.nanoTime() - started) / 1_000_000);
        for (double t = 0.20; t < 0.41; t += 0.02) {
            int[] c = counts(t);
            System.out.printf("sweep %.2f: tp %d fp %d fn %d precision %.3f recall %.3f%n", t, c[0], c[1], c[2],
                    c[0] / (double) Math.max(1, c[0] + c[1]), c[0] / (double) (c[0] + c[2]));
        }
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(PRECISION_AT_LEAST);
        assertThat(recall).as("recall").isGreaterThanOrEqualTo(RECALL_AT_LEAST);
    }

    private static int[] counts(double threshold) {
        int[] c = new int[3];
        for (Pair p : pairs) {
            boolean found = index.similar(p.a(), "DC", NOW.minus(settings.window()), NOW.plus(settings.window()),
                    ids.get(p.a()), threshold, settings.candidates()).stream()
                    .anyMatch(m -> m.openCase().id() == ids.get(p.b()));
            if (found && p.same()) {
                c[0]++;
            } else if (found) {
                c[1]++;
            } else if (p.same()) {
                c[2]++;
            }
        }
        return c;
    }
}

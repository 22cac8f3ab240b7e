package org.hotline8890.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo city's labelled requests ({@code demo/requests.tsv}: type, category, department, subject,
 * content; {@code #} starts a comment). With demo data on they are learnt like closed cases, so a
 * fresh demo suggests something at once; the accuracy test measures the model on them.
 */
final class DemoCorpus {

    static final String RESOURCE = "demo/requests.tsv";

    private DemoCorpus() {
    }

    static List<Example> load() {
        InputStream in = DemoCorpus.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the class path");
        }
        List<Example> examples = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", -1);
                if (columns.length != 5) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": expected 5 tab-separated columns");
                }
                examples.add(Example.of(columns[3].strip(), columns[4].strip(), columns[0].strip(),
                        columns[1].strip(), columns[2].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(examples);
    }
}

package org.hotline8890.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Satisfaction;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text a template shows comes from the message bundles, and every key it names exists in each
 * language. Text inside an element whose content Thymeleaf replaces ({@code th:text} and the like) is
 * only a prototype and never reaches a reader. Text in an element marked with its own {@code lang}
 * (the language switch's "中文" / "English") is deliberately the same in every language.
 */
class TemplateTextsTest {

    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert", "th:errors");
    private static final Set<String> READABLE_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");
    private static final Pattern LITERAL_KEY = Pattern.compile("#\\{([A-Za-z0-9_.-]+)}");
    private static final Pattern KEY_PREFIX = Pattern.compile("#\\{'([A-Za-z0-9_.-]+)'\\s*\\+");

    @Test
    void noTemplateShowsHardCodedText() throws IOException {
        List<String> found = new ArrayList<>();
        for (Resource template : templates()) {
            Document page = Jsoup.parse(read(template));
            for (Element element : page.getAllElements()) {
                for (TextNode text : element.textNodes()) {
                    if (!text.isBlank() && !replaced(element) && !ownLanguage(element)) {
                        found.add(template.getFilename() + ": text \"" + text.text().strip() + "\" in <" + element.tagName() + ">");
                    }
                }
                element.attributes().forEach(a -> {
                    if (READABLE_ATTRIBUTES.contains(a.getKey()) && !a.getValue().isBlank()) {
                        found.add(template.getFilename() + ": " + a.getKey() + "=\"" + a.getValue() + "\" in <" + element.tagName() + ">");
                    }
                });
            }
        }
        assertThat(found).as("user-visible texts that do not come from #{...}").isEmpty();
    }

    @Test
    void everyKeyATemplateNamesExistsInEveryLanguage() throws IOException {
        List<Properties> bundles = List.of(bundle("messages.properties"), bundle("messages_zh_CN.properties"),
                bundle("messages_en.properties"));
        List<String> missing = new ArrayList<>();
        for (Resource template : templates()) {
            String text = read(template);
            Matcher literal = LITERAL_KEY.matcher(text);
            while (literal.find()) {
                String key = literal.group(1);
                bundles.stream().filter(b -> !b.containsKey(key)).findAny()
                        .ifPresent(b -> missing.add(template.getFilename() + ": " + key));
            }
            Matcher prefix = KEY_PREFIX.matcher(text);
            while (prefix.find()) {
                String start = prefix.group(1);
                bundles.stream().filter(b -> b.stringPropertyNames().stream().noneMatch(k -> k.startsWith(start))).findAny()
                        .ifPresent(b -> missing.add(template.getFilename() + ": " + start + "*"));
            }
        }
        assertThat(missing).as("keys missing from a bundle").isEmpty();
    }

    /** Keys the templates build from a value: every value of the enumeration needs its text. */
    @Test
    void everyValueAPageNamesInWordsHasItsText() throws IOException {
        Properties english = bundle("messages_en.properties");
        Stream.of(
                Stream.of(CaseStatus.values()).map(v -> "case.status." + v),
                Stream.of(CaseType.values()).map(v -> "case.type." + v),
                Stream.of(CaseEventType.values()).map(v -> "case.event." + v),
                Stream.of(Satisfaction.values()).map(v -> "page.feedback.level." + v))
                .flatMap(s -> s)
                .forEach(key -> assertThat(english.getProperty(key)).as(key).isNotBlank());
    }

    private static boolean replaced(Element element) {
        for (Element e = element; e != null; e = e.parent()) {
            if (e.attributes().asList().stream().anyMatch(a -> REPLACING.contains(a.getKey()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean ownLanguage(Element element) {
        return element.hasAttr("lang") && !element.tagName().equals("html");
    }

    private static Resource[] templates() throws IOException {
        Resource[] found = new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
        assertThat(found).as("templates on the classpath").isNotEmpty();
        return found;
    }

    private static String read(Resource resource) throws IOException {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Properties bundle(String name) throws IOException {
        try (InputStream in = TemplateTextsTest.class.getResourceAsStream("/messages/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        }
    }
}

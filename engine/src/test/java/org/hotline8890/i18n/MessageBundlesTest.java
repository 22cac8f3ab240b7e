package org.hotline8890.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every text a person reads exists in Chinese (the default bundle and zh-CN) and in English, with
 * the same placeholders, so no citizen or officer ever meets a missing key or a "{1}".
 */
class MessageBundlesTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)[^}]*}");

    @Test
    void everyKeyIsTranslatedIntoEveryLanguage() throws IOException {
        Map<String, String> fallback = bundle("messages.properties");
        Map<String, String> chinese = bundle("messages_zh_CN.properties");
        Map<String, String> english = bundle("messages_en.properties");

        assertThat(chinese.keySet()).as("zh-CN keys").isEqualTo(fallback.keySet());
        assertThat(english.keySet()).as("en keys").isEqualTo(fallback.keySet());
    }

    @Test
    void theDefaultBundleIsTheChineseOne() throws IOException {
        assertThat(bundle("messages.properties")).isEqualTo(bundle("messages_zh_CN.properties"));
    }

    @Test
    void noTextIsEmptyAndTranslationsUseTheSamePlaceholders() throws IOException {
        Map<String, String> chinese = bundle("messages_zh_CN.properties");
        Map<String, String> english = bundle("messages_en.properties");
        chinese.forEach((key, zh) -> {
            assertThat(zh).as("zh-CN %s", key).isNotBlank();
            assertThat(english.get(key)).as("en %s", key).isNotBlank();
            assertThat(placeholders(english.get(key))).as("placeholders of %s", key).isEqualTo(placeholders(zh));
        });
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static Map<String, String> bundle(String name) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages/" + name)) {
            assertThat(in).as(name).isNotNull();
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> sorted = new TreeMap<>();
            p.forEach((k, v) -> sorted.put((String) k, (String) v));
            return sorted;
        }
    }
}

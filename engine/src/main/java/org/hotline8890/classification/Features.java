package org.hotline8890.classification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * The features of a request: the words smartcn finds, plus every pair of neighbouring Chinese
 * characters. Words carry meaning (噪音, 物业); the pairs catch what the dictionary splits badly, such
 * as place names (东城区 → 东城, 城区) and new words, so the model does not depend on one segmentation.
 * Each feature counts once per request: a caller repeating 噪音 five times is not five times noisier.
 */
final class Features {

    private final Analyzer analyzer = new SmartChineseAnalyzer();

    Set<String> of(String text) {
        Set<String> features = new LinkedHashSet<>();
        if (text == null || text.isBlank()) {
            return features;
        }
        try (TokenStream tokens = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                features.add("w:" + term);
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int previous = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (isHan(cp)) {
                if (previous >= 0) {
                    features.add("b:" + new String(Character.toChars(previous)) + new String(Character.toChars(cp)));
                }
                previous = cp;
            } else {
                previous = -1;
            }
            i += Character.charCount(cp);
        }
        return features;
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }
}

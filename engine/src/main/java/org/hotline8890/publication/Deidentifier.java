package org.hotline8890.publication;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Masks personal data in free text before it is published: ID card numbers, mobile and landline
 * numbers, emails, exact house numbers, and the citizen's own name wherever it appears. Order
 * matters: the 18-digit ID goes before phone numbers, which would otherwise eat part of it.
 */
@Component
public class Deidentifier {

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![0-9A-Za-z])\\d{17}[0-9Xx](?![0-9A-Za-z])"), "[身份证号]"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[邮箱]"),
            new Rule(Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- ]?\\d{4}[- ]?\\d{4}(?!\\d)"), "[电话]"),
            new Rule(Pattern.compile("(?<!\\d)0\\d{2,3}[- ]?\\d{7,8}(?!\\d)"), "[电话]"),
            // 12号楼3单元402室, 5栋1201, 88号: the exact door is personal, the street is not.
            new Rule(Pattern.compile("\\d+\\s*(?:号楼|栋|幢|座)(?:\\s*\\d+\\s*单元)?(?:\\s*\\d+\\s*(?:室|号|户))?"), "[门牌]"),
            new Rule(Pattern.compile("\\d+\\s*单元\\s*\\d+\\s*(?:室|号)?"), "[门牌]"),
            new Rule(Pattern.compile("\\d+\\s*(?:号|室)(?![线路])"), "[门牌]"));

    public String mask(String text, String... names) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String name : names) {
            if (name != null && name.strip().length() >= 2) {
                result = result.replace(name.strip(), maskName(name.strip()));
            }
        }
        for (Rule rule : RULES) {
            result = rule.pattern.matcher(result).replaceAll(Matcher.quoteReplacement(rule.replacement));
        }
        return result;
    }

    /** 张三丰 → 张** : the surname stays so the text still reads naturally. */
    private static String maskName(String name) {
        return name.charAt(0) + "*".repeat(name.length() - 1);
    }

    private record Rule(Pattern pattern, String replacement) {
    }
}

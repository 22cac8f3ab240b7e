package org.hotline8890.publication;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Masks personal data in free text before it is published: ID card numbers, mobile and landline
 * numbers, emails, exact house numbers, the citizen's own name wherever it appears, and names the
 * text itself gives away (我叫王小明, 联系人：李娜, 张先生). Order matters: the 18-digit ID goes before
 * phone numbers, which would otherwise eat part of it. Measured on a corpus: docs/deidentification.md.
 */
@Component
public class Deidentifier {

    /**
     * Common surnames. Characters that are mostly ordinary words (和, 于, 向, 成, 时 …) are left out:
     * "男士和女士" must not become "男士某女士".
     */
    private static final String SURNAME = "(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|司徒|端木|独孤|"
            + "[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢"
            + "姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施"
            + "文牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂苗谷盛翁冉"
            + "骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕饶艾尤穆卓缪简娄窦戚岑景党宫费卜晏席卫米柏宗瞿桂佟臧闵苟邬卞姬栾隋刁荣巫寇"
            + "桑郎甄仲虞敖巩佘迟邝洪路])";

    /** 张先生, 李女士, 陈阿姨: the surname with a form of address reads naturally as 某先生. */
    private static final Pattern SURNAME_AND_TITLE =
            Pattern.compile(SURNAME + "(先生|女士|小姐|老师|师傅|阿姨|大爷|大妈|大姐|大哥)");

    /**
     * A name after words that introduce one (我叫, 本人, 联系人：…). The given name is one or two
     * characters, the shortest that is followed by punctuation or by a word that usually follows a
     * name, so "李娜在家" gives 李娜 and "刘建国经常" gives 刘建国.
     */
    private static final Pattern INTRODUCED_NAME = Pattern.compile(
            "(?:我叫|名叫|叫做|我是|本人|姓名|联系人|投诉人|反映人|举报人|来电人|市民|邻居|业主|户主)[:：\\s]*"
                    + "(" + SURNAME + "\\p{IsHan}{1,2}?)"
                    + "(?=[\\p{Punct}，。、；：！？（）“”\\s]|$|[的在是住家说称和及与从于今昨每也都又被向给为将要想]"
                    + "|电话|手机|身份证|联系|反映|投诉|来电|来信|咨询|经常|多次|邮箱|座机|号码)");

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("(?<![0-9A-Za-z])\\d{6}[- ]?\\d{8}[- ]?\\d{3}[0-9Xx](?![0-9A-Za-z])"), "[身份证号]"),
            new Rule(Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}"), "[邮箱]"),
            new Rule(Pattern.compile("(?<!\\d)(?:\\+?86[- ]?)?1[3-9]\\d[- .]?\\d{4}[- .]?\\d{4}(?!\\d)"), "[电话]"),
            // 010-88886666, 0512-6888 8888, (010) 6234 5678, with an extension 转8001.
            new Rule(Pattern.compile("(?<!\\d)(?:[(（]0\\d{2,3}[)）]\\s?|0\\d{2,3}[- ]?)\\d{3,4}[- ]?\\d{4}(?!\\d)(?:\\s*转\\s*\\d{1,6})?"),
                    "[电话]"),
            // 12号楼3单元402室, 5栋1201, B座1503室, 3号楼2门301: the exact door is personal, the street is not.
            new Rule(Pattern.compile("(?:\\d+|[A-Za-z])\\s*(?:号楼|栋|幢|座)(?:\\s*\\d+\\s*(?:单元|门))?(?:\\s*\\d+\\s*(?:室|号|户)?)?"),
                    "[门牌]"),
            new Rule(Pattern.compile("\\d+\\s*单元\\s*\\d+\\s*(?:室|号)?"), "[门牌]"),
            // 18楼1802: floor and door.
            new Rule(Pattern.compile("\\d+\\s*[楼层]\\s*\\d{3,}\\s*(?:室|号)?"), "[门牌]"),
            // 6-2-301: building, unit and door in short.
            new Rule(Pattern.compile("(?<![\\d-])\\d{1,3}-\\d{1,2}-\\d{2,4}(?![\\d-])"), "[门牌]"),
            new Rule(Pattern.compile("\\d+\\s*(?:号|室)(?![线路])"), "[门牌]"));

    public String mask(String text, String... names) {
        if (text == null) {
            return null;
        }
        Set<String> known = new LinkedHashSet<>();
        for (String name : names) {
            if (name != null && name.strip().length() >= 2) {
                known.add(name.strip());
            }
        }
        Matcher introduced = INTRODUCED_NAME.matcher(text);
        while (introduced.find()) {
            known.add(introduced.group(1));
        }
        String result = text;
        // A name found once is masked wherever else it appears too.
        for (String name : known) {
            result = result.replace(name, maskName(name));
        }
        result = SURNAME_AND_TITLE.matcher(result).replaceAll("某$1");
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

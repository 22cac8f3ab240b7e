package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PublicReplyTest {

    private static final String CASE = "8890-20261123-000042";
    private static final String NOTE = "…（工单 " + CASE + "）";

    @Test
    void theCaseNumberIsNotTakenForAPhoneNumber() {
        assertThat(PublicReply.personalData("工单 " + CASE + " 已办结。", CASE)).isEmpty();
    }

    @Test
    void phoneNumbersIdNumbersAndMailAddressesAreFound() {
        assertThat(PublicReply.personalData("请拨打 138 1234 5678", CASE)).contains("a mobile number");
        assertThat(PublicReply.personalData("请拨打 +86 13812345678", CASE)).contains("a mobile number");
        assertThat(PublicReply.personalData("座机 0571-87654321", CASE)).contains("a phone number");
        assertThat(PublicReply.personalData("证件 33010219900307123X", CASE)).contains("an ID card number");
        assertThat(PublicReply.personalData("邮箱 a.b@gov.example.cn", CASE)).contains("an e-mail address");
    }

    @Test
    void aTextThatFitsIsLeftAlone() {
        assertThat(PublicReply.fit("工单 " + CASE + " 已办结。", 140, CASE, NOTE)).isEqualTo("工单 " + CASE + " 已办结。");
    }

    @Test
    void aLongTextWithTheCaseNumberNearItsStartIsCutWithAnEllipsis() {
        String text = "工单 " + CASE + " 已办结，" + "感谢您的耐心等待。".repeat(30);

        String fitted = PublicReply.fit(text, 140, CASE, NOTE);

        assertThat(PublicReply.length(fitted)).isEqualTo(140);
        assertThat(fitted).startsWith("工单 " + CASE).endsWith("…");
    }

    @Test
    void aLongTextWhoseCaseNumberWouldBeCutOffEndsWithTheNoteNamingIt() {
        String text = "感谢您的耐心等待。".repeat(30) + "工单 " + CASE + " 已办结。";

        String fitted = PublicReply.fit(text, 140, CASE, NOTE);

        assertThat(PublicReply.length(fitted)).isLessThanOrEqualTo(140);
        assertThat(fitted).startsWith("感谢您的耐心等待。").endsWith(NOTE);
    }

    @Test
    void emojiCountAsOneCharacterEachAndAreNeverSplit() {
        String text = "😀".repeat(200) + CASE;

        String fitted = PublicReply.fit(text, 140, CASE, NOTE);

        assertThat(PublicReply.length(fitted)).isLessThanOrEqualTo(140);
        assertThat(fitted.codePoints().noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE))
                .as("no half of an emoji").isTrue();
        assertThat(fitted).endsWith(NOTE);
    }
}

package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {

    @Test
    void mastodonHtmlBecomesPlainTextWithItsLineBreaksAndEntities() {
        String html = "<p><span class=\"h-card\"><a href=\"https://gov.example/@hotline\" class=\"u-url mention\">"
                + "@<span>hotline</span></a></span> 路口红绿灯&lt;坏了&gt; &amp; 没人管</p><p>第二段<br />第三行</p>";

        assertThat(PostText.fromHtml(html)).isEqualTo("@hotline 路口红绿灯<坏了> & 没人管\n\n第二段\n第三行");
    }

    @Test
    void onlyMentionsEmojiEmoticonsAndLinksAreNoWords() {
        assertThat(PostText.hasWords("@政务8890 [微笑][赞]👍🙏")).isFalse();
        assertThat(PostText.hasWords("@hotline@gov.example :blobcat: https://example.org/x ！？")).isFalse();
        assertThat(PostText.hasWords("   ")).isFalse();
        assertThat(PostText.hasWords(null)).isFalse();
    }

    @Test
    void anyWordOrNumberBesidesThemIsSomethingToSay() {
        assertThat(PostText.hasWords("@政务8890 [怒] 噪音")).isTrue();
        assertThat(PostText.hasWords("@hotline 110")).isTrue();
        assertThat(PostText.hasWords("@hotline help")).isTrue();
    }

    @Test
    void theMentionsAPostOpensWithAreLeftOutOfItsText() {
        assertThat(PostText.withoutLeadingMentions("@政务8890 @某街道办：楼道灯坏了 @物业")).isEqualTo("楼道灯坏了 @物业");
        assertThat(PostText.withoutLeadingMentions("回复@政务8890:今晚又开始了")).isEqualTo("回复@政务8890:今晚又开始了");
    }
}

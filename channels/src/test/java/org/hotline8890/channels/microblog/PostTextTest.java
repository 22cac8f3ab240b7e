package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostTextTest {

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

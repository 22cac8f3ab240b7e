package org.hotline8890.channels.microblog;

import java.util.regex.Pattern;


/** The words of a post: whether anything is said beyond mentions and emoji, and without the opening mentions. */
final class PostText {

    /** {@code @name} on Weibo, {@code @user} or {@code @user@server} on Mastodon. */
    private static final Pattern MENTION = Pattern.compile("@[\\p{L}\\p{N}_\\-]+(?:@[\\p{L}\\p{N}_\\-.]+)?");
    private static final Pattern LEADING_MENTIONS = Pattern.compile("^(?:\\s*" + MENTION.pattern() + "[\\s:：,，]*)+");
    /** Weibo's emoticons are written as a short word in brackets: [微笑], [doge]. */
    private static final Pattern WEIBO_EMOTICON = Pattern.compile("\\[[\\p{L}\\p{N}_]{1,10}]");
    /** Mastodon's custom emoji: :blobcat:. */
    private static final Pattern CUSTOM_EMOJI = Pattern.compile(":[A-Za-z0-9_]{2,}:");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    private PostText() {
    }

    /** True if a letter or digit remains once mentions, emoji, emoticons and links are taken out. */
    static boolean hasWords(String text) {
        if (text == null) {
            return false;
        }
        String rest = LINK.matcher(text).replaceAll(" ");
        rest = MENTION.matcher(rest).replaceAll(" ");
        rest = WEIBO_EMOTICON.matcher(rest).replaceAll(" ");
        rest = CUSTOM_EMOJI.matcher(rest).replaceAll(" ");
        return rest.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The text without the mentions it opens with ("@政务微博 @某某 路灯坏了" → "路灯坏了"). */
    static String withoutLeadingMentions(String text) {
        return LEADING_MENTIONS.matcher(text).replaceFirst("").strip();
    }
}

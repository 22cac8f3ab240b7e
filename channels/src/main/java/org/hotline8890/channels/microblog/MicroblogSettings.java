package org.hotline8890.channels.microblog;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the microblog channel, one block per platform ({@code hotline.channels.microblog.weibo.*},
 * {@code hotline.channels.microblog.mastodon.*}). Tokens come from the environment.
 */
@ConfigurationProperties("hotline.channels.microblog")
record MicroblogSettings(PlatformSettings weibo, PlatformSettings mastodon) {

    static final URI WEIBO_API = URI.create("https://api.weibo.com/2/");
    static final int WEIBO_COMMENT_LENGTH = 140;
    static final int MASTODON_STATUS_LENGTH = 500;

    MicroblogSettings {
        weibo = (weibo == null ? PlatformSettings.off() : weibo).orDefaults(WEIBO_API, WEIBO_COMMENT_LENGTH);
        mastodon = (mastodon == null ? PlatformSettings.off() : mastodon).orDefaults(null, MASTODON_STATUS_LENGTH);
    }

    PlatformSettings of(Platform platform) {
        return platform == Platform.WEIBO ? weibo : mastodon;
    }

    /**
     * @param enabled      poll this platform and reply on it
     * @param baseUrl      the API root: {@code https://api.weibo.com/2/} for Weibo, the server's root for Mastodon
     * @param accessToken  the account's OAuth token
     * @param accountId    the government account's own user id on the platform; its own posts are not read
     * @param pollInterval time between two reads of the platform
     * @param pageSize     posts asked for per request ({@code count}, {@code limit})
     * @param replyLength  longest reply the platform takes, in characters
     * @param firstBackoff wait after the first failed read; it doubles with each further failure
     * @param maxBackoff   the longest wait between reads after failures
     */
    record PlatformSettings(boolean enabled, URI baseUrl, String accessToken, String accountId,
                            Duration pollInterval, Integer pageSize, Integer replyLength,
                            Duration firstBackoff, Duration maxBackoff) {

        PlatformSettings {
            baseUrl = baseUrl == null || baseUrl.toString().isBlank() ? null : baseUrl;
            pollInterval = pollInterval == null ? Duration.ofSeconds(60) : pollInterval;
            pageSize = pageSize == null || pageSize < 1 ? 50 : pageSize;
            firstBackoff = firstBackoff == null ? Duration.ofSeconds(30) : firstBackoff;
            maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
            accessToken = accessToken == null || accessToken.isBlank() ? null : accessToken.strip();
            accountId = accountId == null || accountId.isBlank() ? null : accountId.strip();
        }

        static PlatformSettings off() {
            return new PlatformSettings(false, null, null, null, null, null, null, null, null);
        }

        private PlatformSettings orDefaults(URI defaultBaseUrl, int defaultReplyLength) {
            return new PlatformSettings(enabled, baseUrl == null ? defaultBaseUrl : baseUrl, accessToken, accountId,
                    pollInterval, pageSize, replyLength == null || replyLength < 1 ? defaultReplyLength : replyLength,
                    firstBackoff, maxBackoff);
        }

        /** The API root with a trailing slash, so relative paths resolve below it. */
        URI root() {
            String url = baseUrl.toString();
            return URI.create(url.endsWith("/") ? url : url + "/");
        }
    }
}

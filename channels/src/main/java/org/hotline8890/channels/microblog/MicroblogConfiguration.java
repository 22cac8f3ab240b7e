package org.hotline8890.channels.microblog;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.hotline8890.channels.IntakeQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the microblog channel when at least one platform is enabled; says how to enable it otherwise. */
@Configuration(proxyBeanMethods = false)
class MicroblogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MicroblogConfiguration.class);

    static final String ANY_PLATFORM_ENABLED = "${hotline.channels.microblog.weibo.enabled:false} "
            + "or ${hotline.channels.microblog.mastodon.enabled:false}";

    private final MicroblogSettings settings;

    MicroblogConfiguration(MicroblogSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhetherTheChannelRuns() {
        List<String> enabled = new ArrayList<>();
        for (Platform p : Platform.values()) {
            if (settings.of(p).enabled()) {
                enabled.add(p.prefix() + " (" + settings.of(p).root() + ")");
            }
        }
        if (enabled.isEmpty()) {
            log.info("Microblog channel off: set HOTLINE_WEIBO_ENABLED=true and HOTLINE_WEIBO_TOKEN, and/or "
                    + "HOTLINE_MASTODON_ENABLED=true, HOTLINE_MASTODON_URL and HOTLINE_MASTODON_TOKEN "
                    + "(docs/channels/microblog.md)");
        } else {
            log.info("Microblog channel reads and replies on {}", String.join(", ", enabled));
        }
    }

    @Bean
    @ConditionalOnExpression(ANY_PLATFORM_ENABLED)
    EnabledPlatforms microblogPlatforms(ObjectMapper json, Clock clock) {
        PlatformHttp http = new PlatformHttp(json);
        List<PlatformApi> platforms = new ArrayList<>();
        if (settings.weibo().enabled()) {
            requireToken(Platform.WEIBO, "HOTLINE_WEIBO_TOKEN");
            platforms.add(new WeiboApi(settings.weibo(), http));
        }
        if (settings.mastodon().enabled()) {
            if (settings.mastodon().baseUrl() == null) {
                throw new IllegalStateException("hotline.channels.microblog.mastodon.enabled is true but no base-url "
                        + "(HOTLINE_MASTODON_URL) says which server");
            }
            requireToken(Platform.MASTODON, "HOTLINE_MASTODON_TOKEN");
            platforms.add(new MastodonApi(settings.mastodon(), http, clock));
        }
        return new EnabledPlatforms(platforms);
    }

    /** The platforms switched on, each with its API client. */
    record EnabledPlatforms(List<PlatformApi> apis) {
    }

    private void requireToken(Platform platform, String variable) {
        if (settings.of(platform).accessToken() == null) {
            throw new IllegalStateException("hotline.channels.microblog." + platform.prefix() + ".enabled is true but "
                    + "no access-token is set (" + variable + ")");
        }
    }

    @Bean
    @ConditionalOnExpression(ANY_PLATFORM_ENABLED)
    MicroblogPolling microblogPolling(EnabledPlatforms platforms, JdbcTemplate jdbc, IntakeQueue queue,
                                      @Value("${hotline.case-number-prefix:8890}") String caseNumberPrefix,
                                      Clock clock) {
        ReadPositions positions = new ReadPositions(jdbc, clock);
        return new MicroblogPolling(platforms.apis().stream()
                .map(api -> new PlatformReader(api, settings.of(api.platform()), positions, queue, caseNumberPrefix, clock))
                .toList());
    }

    @Bean
    @ConditionalOnExpression(ANY_PLATFORM_ENABLED)
    MicroblogOutbound microblogOutbound(EnabledPlatforms platforms, MessageSource messages) {
        return new MicroblogOutbound(platforms.apis(), settings, messages);
    }
}

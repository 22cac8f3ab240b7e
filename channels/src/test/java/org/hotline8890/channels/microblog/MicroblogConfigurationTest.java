package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.OutboundChannel;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.MessageSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

class MicroblogConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(MicroblogSettings.class)
    static class Surroundings {
        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        JdbcTemplate jdbc() {
            // never connected: these tests only start and stop the channel
            return new JdbcTemplate(new DriverManagerDataSource());
        }

        @Bean
        IntakeQueue queue() {
            return contact -> {
                throw new IllegalStateException("nothing is read here");
            };
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, MessageSourceAutoConfiguration.class))
            .withUserConfiguration(Surroundings.class, MicroblogConfiguration.class);

    @Test
    void withNoPlatformEnabledTheChannelDeliversNothingAndReadsNothing() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(OutboundChannel.class).doesNotHaveBean(MicroblogPolling.class);
        });
    }

    @Test
    void anEnabledPlatformWithoutATokenStopsTheStartNamingTheVariable() {
        runner.withPropertyValues("hotline.channels.microblog.weibo.enabled=true").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("HOTLINE_WEIBO_TOKEN"));
    }

    @Test
    void mastodonWithoutAServerUrlStopsTheStartNamingTheVariable() {
        runner.withPropertyValues("hotline.channels.microblog.mastodon.enabled=true",
                "hotline.channels.microblog.mastodon.access-token=t").run(context ->
                assertThat(context).getFailure().rootCause().hasMessageContaining("HOTLINE_MASTODON_URL"));
    }

    @Test
    void anEnabledPlatformWithItsTokenGetsAReaderAndTheMicroblogOutboundChannel() {
        runner.withPropertyValues("hotline.channels.microblog.weibo.enabled=true",
                "hotline.channels.microblog.weibo.access-token=t").run(context -> {
            assertThat(context).hasSingleBean(OutboundChannel.class).hasSingleBean(MicroblogPolling.class);
            assertThat(context.getBean(MicroblogPolling.class).readers()).extracting(PlatformReader::platform)
                    .containsExactly(Platform.WEIBO);
        });
    }
}

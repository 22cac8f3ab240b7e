package org.hotline8890.intake;

import java.util.List;

import org.hotline8890.channels.Channel;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Which channel adapters this installation has switched on, read from the same configuration
 * properties the adapters bind (their settings records are private to their packages). Read at each
 * call through Spring's binder, so environment variables and relaxed names count as they do for the
 * adapters.
 */
@Component
public class ChannelSwitches {

    /**
     * One adapter: {@code key} names it for the pages ({@code admin.adapter.<key>}), {@code property}
     * is the setting that switches it, {@code channel} where its contacts are counted.
     */
    public record Adapter(String key, Channel channel, String property, boolean on) {
    }

    private final Environment environment;

    ChannelSwitches(Environment environment) {
        this.environment = environment;
    }

    public List<Adapter> adapters() {
        Binder binder = Binder.get(environment);
        return List.of(
                flag(binder, "asteriskIvr", Channel.PHONE, "hotline.channels.asterisk.agi.enabled"),
                flag(binder, "asteriskAmi", Channel.PHONE, "hotline.channels.asterisk.ami.enabled"),
                flag(binder, "twilioVoice", Channel.PHONE, "hotline.channels.twilio.enabled"),
                // Agents enter calls by hand whatever the telephony does.
                new Adapter("agentEntry", Channel.PHONE, null, true),
                flag(binder, "twilioSms", Channel.SMS, "hotline.channels.twilio.enabled"),
                flag(binder, "mail", Channel.MAIL, "hotline.channels.mail.enabled"),
                flag(binder, "weibo", Channel.MICROBLOG, "hotline.channels.microblog.weibo.enabled"),
                flag(binder, "mastodon", Channel.MICROBLOG, "hotline.channels.microblog.mastodon.enabled"),
                // Open311 reads are always open; submitting needs at least one API key.
                new Adapter("open311", Channel.OPEN311, "hotline.channels.open311.api-keys",
                        binder.bind("hotline.channels.open311.api-keys", Bindable.listOf(String.class))
                                .map(keys -> keys.stream().anyMatch(k -> !k.isBlank())).orElse(false)),
                new Adapter("web", Channel.WEB, null, true));
    }

    private static Adapter flag(Binder binder, String key, Channel channel, String property) {
        return new Adapter(key, channel, property, binder.bind(property, Boolean.class).orElse(false));
    }
}

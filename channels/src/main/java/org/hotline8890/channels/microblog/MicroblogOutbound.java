package org.hotline8890.channels.microblog;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.springframework.context.MessageSource;

/**
 * Answers a microblog case in public, on the platform its post came from (the prefix of
 * {@code inReplyTo}). The engine words public replies without personal data; this refuses anything
 * that still looks like some, and fits the text to the platform's length with the case number kept.
 */
class MicroblogOutbound implements OutboundChannel {

    private static final Locale CITIZEN_LOCALE = Locale.SIMPLIFIED_CHINESE;

    private final Map<Platform, PlatformApi> platforms = new EnumMap<>(Platform.class);
    private final MicroblogSettings settings;
    private final MessageSource messages;

    MicroblogOutbound(List<PlatformApi> enabled, MicroblogSettings settings, MessageSource messages) {
        enabled.forEach(api -> platforms.put(api.platform(), api));
        this.settings = settings;
        this.messages = messages;
    }

    @Override
    public Channel channel() {
        return Channel.MICROBLOG;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        Platform platform = Platform.of(message.inReplyTo()).orElseThrow(() -> new DeliveryException(
                "no microblog post to reply to (inReplyTo " + message.inReplyTo() + ")", true));
        PlatformApi api = platforms.get(platform);
        if (api == null) {
            throw new DeliveryException(platform.prefix() + " is not enabled (hotline.channels.microblog."
                    + platform.prefix() + ".enabled)", false);
        }
        Optional<String> personal = PublicReply.personalData(message.text(), message.caseNumber());
        if (personal.isPresent()) {
            throw new DeliveryException("refused to post in public: the text holds what looks like "
                    + personal.get(), true);
        }
        String salutation = api.salutation(message.to().handle());
        String note = messages.getMessage("channel.microblog.shortened", new Object[] {message.caseNumber()},
                CITIZEN_LOCALE);
        String text = salutation + PublicReply.fit(message.text(),
                settings.of(platform).replyLength() - PublicReply.length(salutation), message.caseNumber(), note);
        try {
            return api.reply(message.inReplyTo(), text, message.notificationId());
        } catch (ApiFailure failure) {
            throw new DeliveryException(failure.getMessage(), failure.kind() == ApiFailure.Kind.PERMANENT, failure);
        }
    }
}

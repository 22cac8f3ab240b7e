package org.hotline8890.channels.twilio;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once, at start-up, that the channel is off and how to turn it on. */
@Component
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "false", matchIfMissing = true)
class TwilioChannelOff {

    private static final Logger log = LoggerFactory.getLogger(TwilioChannelOff.class);

    @EventListener(ApplicationReadyEvent.class)
    void tellHowToEnable() {
        log.info("Twilio phone/SMS channel is off; to enable it set HOTLINE_TWILIO_ENABLED=true, TWILIO_ACCOUNT_SID, "
                + "TWILIO_AUTH_TOKEN and TWILIO_FROM_NUMBER (see docs/channels/twilio.md)");
    }
}

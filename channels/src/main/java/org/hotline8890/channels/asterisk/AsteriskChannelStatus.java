package org.hotline8890.channels.asterisk;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Says once at start-up how to switch the phone channel on, when it is off. */
@Component
class AsteriskChannelStatus {

    private static final Logger log = LoggerFactory.getLogger(AsteriskChannelStatus.class);

    private final AsteriskSettings settings;

    AsteriskChannelStatus(AsteriskSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportWhenOff() {
        if (!settings.agi().enabled() && !settings.ami().enabled()) {
            log.info("Phone channel (Asterisk) is off: set HOTLINE_ASTERISK_AGI_ENABLED=true for the FastAGI IVR and "
                    + "HOTLINE_ASTERISK_AMI_ENABLED=true with HOTLINE_ASTERISK_AMI_HOST/_USER/_SECRET for screen pops "
                    + "and call-center figures (docs/channels/asterisk.md)");
        }
    }
}

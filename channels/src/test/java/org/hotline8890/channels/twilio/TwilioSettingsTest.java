package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;

import org.junit.jupiter.api.Test;

class TwilioSettingsTest {

    private static final URI API = URI.create("https://api.twilio.com");

    @Test
    void anEnabledChannelWithoutCredentialsOrSenderRefusesToStartAndSaysWhatIsMissing() {
        assertThatThrownBy(() -> new TwilioSettings(true, "AC1", null, "+15005550006", null, "https://h", API,
                null, null, 2, 180, "86")).hasMessageContaining("TWILIO_AUTH_TOKEN");
        assertThatThrownBy(() -> new TwilioSettings(true, null, "token", "+15005550006", null, "https://h", API,
                null, null, 2, 180, "86")).hasMessageContaining("TWILIO_ACCOUNT_SID");
        assertThatThrownBy(() -> new TwilioSettings(true, "AC1", "token", " ", "", "https://h", API,
                null, null, 2, 180, "86")).hasMessageContaining("TWILIO_FROM_NUMBER");
    }

    @Test
    void aDisabledChannelNeedsNothing() {
        assertThat(new TwilioSettings(false, null, null, null, null, "http://localhost:8080/", API,
                null, null, 2, 180, "86").publicUrl("/channels/twilio/sms"))
                .isEqualTo("http://localhost:8080/channels/twilio/sms");
    }
}

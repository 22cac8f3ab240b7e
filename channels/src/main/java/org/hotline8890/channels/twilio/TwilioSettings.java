package org.hotline8890.channels.twilio;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Twilio channel's settings; credentials come from the environment (see application.yml).
 *
 * @param enabled             turn the channel on: webhooks, signature checks and outbound SMS
 * @param accountSid          Twilio account SID (AC...)
 * @param authToken           Twilio auth token: signs webhooks and authenticates REST calls
 * @param fromNumber          the hotline's SMS-capable Twilio number, E.164
 * @param messagingServiceSid a Messaging Service (MG...) to send from instead of {@code fromNumber}
 * @param publicBaseUrl       the scheme and host Twilio calls (behind a proxy, the proxy's address);
 *                            webhook signatures are checked against it
 * @param apiBaseUrl          Twilio's REST API address; a test or a relay may point it elsewhere
 * @param agentNumber         the number menu choice 0 dials
 * @param agentQueue          a Twilio queue name menu choice 0 joins instead of dialling a number
 * @param menuRepeats         how often the menu is repeated after invalid or no input before the
 *                            caller is put through to an agent
 * @param maxRecordingSeconds longest voice message a caller can leave
 * @param defaultCountryCode  country code for national numbers when sending SMS (86 for China)
 */
@ConfigurationProperties("hotline.channels.twilio")
record TwilioSettings(
        @DefaultValue("false") boolean enabled,
        String accountSid,
        String authToken,
        String fromNumber,
        String messagingServiceSid,
        @DefaultValue("http://localhost:8080") String publicBaseUrl,
        @DefaultValue("https://api.twilio.com") URI apiBaseUrl,
        String agentNumber,
        String agentQueue,
        @DefaultValue("2") int menuRepeats,
        @DefaultValue("180") int maxRecordingSeconds,
        @DefaultValue("86") String defaultCountryCode) {

    TwilioSettings {
        publicBaseUrl = withoutTrailingSlash(publicBaseUrl);
        if (enabled) {
            require(accountSid, "TWILIO_ACCOUNT_SID (hotline.channels.twilio.account-sid)");
            require(authToken, "TWILIO_AUTH_TOKEN (hotline.channels.twilio.auth-token)");
            if (isBlank(fromNumber) && isBlank(messagingServiceSid)) {
                throw new IllegalArgumentException("the Twilio channel is enabled but has no sender: set "
                        + "TWILIO_FROM_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
            }
        }
        if (menuRepeats < 0 || maxRecordingSeconds < 1) {
            throw new IllegalArgumentException("menu-repeats must be >= 0 and max-recording-seconds >= 1");
        }
    }

    boolean hasAgentQueue() {
        return !isBlank(agentQueue);
    }

    boolean hasAgentNumber() {
        return !isBlank(agentNumber);
    }

    boolean sendsThroughMessagingService() {
        return !isBlank(messagingServiceSid);
    }

    /** An absolute URL under the public base, e.g. {@code https://hotline.example/channels/twilio/sms}. */
    String publicUrl(String path) {
        return publicBaseUrl + path;
    }

    private static void require(String value, String name) {
        if (isBlank(value)) {
            throw new IllegalArgumentException("the Twilio channel is enabled but " + name + " is not set");
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String withoutTrailingSlash(String url) {
        String u = url == null ? "" : url.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        return u;
    }
}

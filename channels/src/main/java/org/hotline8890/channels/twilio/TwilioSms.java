package org.hotline8890.channels.twilio;

import java.util.Set;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Sends the citizen's notifications as SMS through Twilio's Messages API. A number Twilio calls
 * invalid or unreachable, or a request it refuses outright, fails for good; throttling, server
 * errors, credentials and the network are retried by the outbox.
 */
@Component
@ConditionalOnProperty(name = "hotline.channels.twilio.enabled", havingValue = "true")
class TwilioSms implements OutboundChannel {

    /** Twilio's longest text; it splits longer ones into segments itself. */
    static final int MAX_CHARACTERS = 1600;
    /**
     * The recipient cannot get SMS: 21211 invalid To, 21214 To cannot be reached, 21217 not a valid
     * number, 21408 region not enabled, 21610 the recipient replied STOP, 21612 not reachable by SMS,
     * 21614 not a mobile number.
     */
    static final Set<Integer> RECIPIENT_CANNOT_RECEIVE = Set.of(21211, 21214, 21217, 21408, 21610, 21612, 21614);
    private static final Set<Integer> REQUEST_REFUSED = Set.of(400, 404, 413, 422);

    private final TwilioSettings settings;
    private final TwilioRestClient client;

    TwilioSms(TwilioSettings settings) {
        this.settings = settings;
        this.client = new TwilioRestClient.Builder(settings.accountSid(), settings.authToken())
                .httpClient(new ApiBaseUrlHttpClient(settings.apiBaseUrl()))
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        String to = PhoneNumbers.toE164(message.to().phone(), settings.defaultCountryCode())
                .orElseThrow(() -> new DeliveryException("notification " + message.notificationId()
                        + " has no phone number to send an SMS to", true));
        try {
            return creator(new PhoneNumber(to), withinLimit(message.text())).create(client).getSid();
        } catch (ApiConnectionException e) {
            throw new DeliveryException("Twilio unreachable: " + e.getMessage(), false, e);
        } catch (ApiException e) {
            throw new DeliveryException("Twilio refused SMS for notification " + message.notificationId() + ": "
                    + e.getStatusCode() + " code " + e.getCode() + " " + e.getMessage(), isPermanent(e), e);
        } catch (TwilioException e) {
            throw new DeliveryException("Twilio failed: " + e.getMessage(), false, e);
        }
    }

    private MessageCreator creator(PhoneNumber to, String text) {
        return settings.sendsThroughMessagingService()
                ? Message.creator(to, settings.messagingServiceSid(), text)
                : Message.creator(to, new PhoneNumber(settings.fromNumber()), text);
    }

    static boolean isPermanent(ApiException e) {
        return (e.getCode() != null && RECIPIENT_CANNOT_RECEIVE.contains(e.getCode()))
                || (e.getStatusCode() != null && REQUEST_REFUSED.contains(e.getStatusCode()));
    }

    static String withinLimit(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_CHARACTERS) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_CHARACTERS - 1)) + "…";
    }
}

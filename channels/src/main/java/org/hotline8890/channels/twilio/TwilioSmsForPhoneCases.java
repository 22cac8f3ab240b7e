package org.hotline8890.channels.twilio;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * A phone call cannot be called back with a text, so the notifications of phone cases (the case
 * number and query code the caller was promised) go out by SMS to the calling number.
 */
@Component
@ConditionalOnExpression("${hotline.channels.twilio.enabled:false} and ${hotline.channels.twilio.sms-for-phone-cases:true}")
class TwilioSmsForPhoneCases implements OutboundChannel {

    private final TwilioSms sms;

    TwilioSmsForPhoneCases(TwilioSms sms) {
        this.sms = sms;
    }

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        return sms.send(message);
    }
}

package org.hotline8890.channels.asterisk;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * What the hotline tells a citizen who called (the case number and query code after an IVR request,
 * the reply, the rating request) cannot be said down a phone line that has hung up: it goes by SMS to
 * the number they called from, through whichever channel delivers SMS.
 */
@Component
class PhoneNotificationsBySms implements OutboundChannel {

    private final ObjectProvider<OutboundChannel> channels;

    PhoneNotificationsBySms(ObjectProvider<OutboundChannel> channels) {
        this.channels = channels;
    }

    @Override
    public Channel channel() {
        return Channel.PHONE;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        if (message.to().phone() == null || message.to().phone().isBlank()) {
            throw new DeliveryException("the caller's number was withheld: no SMS can reach them", true);
        }
        OutboundChannel sms = channels.orderedStream().filter(c -> c.channel() == Channel.SMS).findFirst()
                .orElseThrow(() -> new DeliveryException("no SMS channel is switched on to reach phone callers", false));
        return sms.send(new OutboundMessage(message.notificationId(), Channel.SMS, message.caseNumber(), message.kind(),
                message.to(), message.subject(), message.text(), message.inReplyTo()));
    }
}

package org.hotline8890.channels.asterisk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundChannel;
import org.hotline8890.channels.OutboundMessage;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The SMS adapter lives on another branch; {@link SentSms} stands in for it as the one other
 * {@link OutboundChannel} bean in a real application context.
 */
class PhoneNotificationsBySmsTest {

    @Test
    void aPhoneCallersNotificationGoesBySmsToTheNumberTheyCalledFrom() throws Exception {
        try (var context = new AnnotationConfigApplicationContext(PhoneNotificationsBySms.class, SentSms.class)) {
            OutboundChannel phone = phoneChannel(context);

            String id = phone.send(message("13912340001"));

            SentSms sms = context.getBean(SentSms.class);
            assertThat(sms.sent).singleElement().satisfies(m -> {
                assertThat(m.channel()).isEqualTo(Channel.SMS);
                assertThat(m.to().phone()).isEqualTo("13912340001");
                assertThat(m.notificationId()).isEqualTo(7L);
                assertThat(m.text()).contains("8890-20261123-000042");
            });
            assertThat(id).isEqualTo("sms-7");
        }
    }

    @Test
    void aWithheldNumberCanNeverBeReached() {
        try (var context = new AnnotationConfigApplicationContext(PhoneNotificationsBySms.class, SentSms.class)) {
            assertThatThrownBy(() -> phoneChannel(context).send(message(null)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        }
    }

    @Test
    void withoutAnSmsChannelTheDeliveryWaitsForOne() {
        try (var context = new AnnotationConfigApplicationContext(PhoneNotificationsBySms.class)) {
            assertThatThrownBy(() -> phoneChannel(context).send(message("13912340001")))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
        }
    }

    private static OutboundChannel phoneChannel(AnnotationConfigApplicationContext context) {
        return context.getBeansOfType(OutboundChannel.class).values().stream()
                .filter(c -> c.channel() == Channel.PHONE).findFirst().orElseThrow();
    }

    private static OutboundMessage message(String phone) {
        return new OutboundMessage(7L, Channel.PHONE, "8890-20261123-000042", "ACCEPTED",
                new OutboundMessage.Recipient(null, phone, null, null), null,
                "您的诉求已受理，工单编号 8890-20261123-000042，查询码 K7M3QX9P。", null);
    }

    static class SentSms implements OutboundChannel {
        final List<OutboundMessage> sent = new ArrayList<>();

        @Override
        public Channel channel() {
            return Channel.SMS;
        }

        @Override
        public String send(OutboundMessage message) {
            sent.add(message);
            return "sms-" + message.notificationId();
        }
    }
}

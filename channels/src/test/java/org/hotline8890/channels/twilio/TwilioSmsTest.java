package org.hotline8890.channels.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.OutboundMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Outbound SMS through the real SDK against a local HTTP server playing Twilio's Messages API. */
class TwilioSmsTest {

    private static final String ACCOUNT = "AC00000000000000000000000000000001";
    private static final String TOKEN = "auth-token";

    private HttpServer api;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile int status = 201;
    private volatile String answer = """
            {"sid":"SM0123456789abcdef0123456789abcdef","status":"queued","account_sid":"%s"}""".formatted(ACCOUNT);

    record Received(String method, String path, String authorization, Map<String, String> form) {
    }

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"), form(body)));
            byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        api.start();
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    @Test
    void sendsTheTextFromTheHotlineNumberToTheCitizenInE164WithTheAccountsCredentials() throws Exception {
        String sid = sms(settings("+15005550006", null)).send(message("13812345678", "您的诉求已受理，工单号 8890-20261123-000042。"));

        assertThat(sid).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(received).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json");
            assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder()
                    .encodeToString((ACCOUNT + ":" + TOKEN).getBytes(StandardCharsets.UTF_8)));
            assertThat(request.form()).containsEntry("To", "+8613812345678")
                    .containsEntry("From", "+15005550006")
                    .containsEntry("Body", "您的诉求已受理，工单号 8890-20261123-000042。");
        });
    }

    @Test
    void sendsThroughAMessagingServiceWhenOneIsConfigured() throws Exception {
        sms(settings(null, "MG00000000000000000000000000000001")).send(message("+447700900123", "hello"));

        assertThat(received.get(0).form()).containsEntry("MessagingServiceSid", "MG00000000000000000000000000000001")
                .containsEntry("To", "+447700900123").doesNotContainKey("From");
    }

    @Test
    void anInvalidNumberFailsForGood() {
        status = 400;
        answer = """
                {"code": 21211, "message": "The 'To' number +8613800000000 is not a valid phone number.",
                 "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}""";

        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(message("13800000000", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.isPermanent()).isTrue();
                    assertThat(e.getMessage()).contains("21211");
                });
    }

    @Test
    void aRecipientWhoRepliedStopFailsForGoodWhateverTheStatus() {
        status = 403;
        answer = """
                {"code": 21610, "message": "Attempt to send to unsubscribed recipient", "status": 403}""";

        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(message("13800000000", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
    }

    @Test
    void anUnavailableServiceIsRetried() {
        status = 503;
        answer = """
                {"code": 20503, "message": "Service unavailable", "status": 503}""";

        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(message("13812345678", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
        assertThat(received).isNotEmpty();
    }

    @Test
    void throttlingAndRejectedCredentialsAreRetried() {
        status = 429;
        answer = """
                {"code": 20429, "message": "Too Many Requests", "status": 429}""";
        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(message("13812345678", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());

        status = 401;
        answer = """
                {"code": 20003, "message": "Authenticate", "status": 401}""";
        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(message("13812345678", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void anUnreachableApiIsRetried() {
        TwilioSms sms = sms(settings("+15005550006", null));
        api.stop(0);

        assertThatThrownBy(() -> sms.send(message("13812345678", "hi")))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isFalse());
    }

    @Test
    void aCitizenWithoutAPhoneNumberCannotBeTextedAndNothingIsSent() {
        OutboundMessage toMail = new OutboundMessage(7, Channel.SMS, "8890-20261123-000042", "ACCEPTED",
                new OutboundMessage.Recipient(null, null, "a@example.org", null), null, "hi", null);

        assertThatThrownBy(() -> sms(settings("+15005550006", null)).send(toMail))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        assertThat(received).isEmpty();
    }

    @Test
    void aTextLongerThanTwilioTakesIsShortenedToItsLimit() throws Exception {
        String longText = "办".repeat(TwilioSms.MAX_CHARACTERS + 50);

        sms(settings("+15005550006", null)).send(message("13812345678", longText));

        String sent = received.get(0).form().get("Body");
        assertThat(sent.codePointCount(0, sent.length())).isEqualTo(TwilioSms.MAX_CHARACTERS);
        assertThat(sent).endsWith("办…");
    }

    private TwilioSms sms(TwilioSettings settings) {
        return new TwilioSms(settings);
    }

    private TwilioSettings settings(String from, String messagingService) {
        return new TwilioSettings(true, ACCOUNT, TOKEN, from, messagingService, "https://hotline.example.test",
                URI.create("http://127.0.0.1:" + api.getAddress().getPort()), null, null, 2, 180, "86");
    }

    private static OutboundMessage message(String phone, String text) {
        return new OutboundMessage(42, Channel.SMS, "8890-20261123-000042", "ACCEPTED",
                new OutboundMessage.Recipient("张三", phone, null, null), null, text, null);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }
}

package org.hotline8890.channels.twilio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Twilio's side of the webhooks: form posts signed as Twilio documents it (HMAC-SHA1 with the auth
 * token over the public URL followed by each POST parameter's name and value, sorted by name).
 */
public final class TwilioPeer {

    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    public static final String PUBLIC_BASE_URL = "https://hotline.example.test";
    static final String AGENT_NUMBER = "+862112345678";

    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;

    TwilioPeer(int port) {
        this.port = port;
    }

    /** Posts as Twilio does: signed for the public URL of {@code pathAndQuery}. */
    HttpResponse<String> post(String pathAndQuery, Map<String, String> form) {
        return post(pathAndQuery, form, signature(AUTH_TOKEN, PUBLIC_BASE_URL + pathAndQuery, form));
    }

    /** Posts with the given signature header, or none if it is null. */
    HttpResponse<String> post(String pathAndQuery, Map<String, String> form, String signature) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The form Twilio posts for an incoming text, with the fields Twilio sends for a plain SMS. */
    static Map<String, String> sms(String messageSid, String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("ToCountry", "CN");
        form.put("SmsMessageSid", messageSid);
        form.put("NumMedia", "0");
        form.put("MessageSid", messageSid);
        form.put("AccountSid", TwilioMessagesApi.ACCOUNT_SID);
        form.put("From", from);
        form.put("To", "+8610123456789");
        form.put("Body", body);
        form.put("NumSegments", "1");
        return form;
    }

    /** A fresh MessageSid, shaped like Twilio's. */
    static String messageSid() {
        return "SM" + UUID.randomUUID().toString().replace("-", "");
    }

    public static String signature(String token, String url, Map<String, String> form) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(form).forEach((name, value) -> signed.append(name).append(value));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(token.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(signed.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}

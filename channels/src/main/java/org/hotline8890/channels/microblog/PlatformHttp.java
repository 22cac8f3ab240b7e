package org.hotline8890.channels.microblog;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP with bounded waits (polling shares the scheduler thread), network trouble as a transient failure. */
final class PlatformHttp {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private final ObjectMapper json;

    PlatformHttp(ObjectMapper json) {
        this.json = json;
    }

    record Response(int status, HttpHeaders headers, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT).header("Accept", "application/json");
    }

    Response send(HttpRequest request) throws ApiFailure {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new ApiFailure(ApiFailure.Kind.TRANSIENT, request.method() + " " + request.uri().getPath() + ": " + e,
                    null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiFailure(ApiFailure.Kind.TRANSIENT, "interrupted", null, e);
        }
    }

    /** The body as JSON; an answer that is not JSON (a proxy's error page) is worth another try later. */
    JsonNode parse(Response response, String what) throws ApiFailure {
        try {
            JsonNode node = json.readTree(response.body() == null ? "" : response.body());
            return node == null ? json.missingNode() : node;
        } catch (JsonProcessingException e) {
            throw new ApiFailure(ApiFailure.Kind.TRANSIENT, what + ": HTTP " + response.status() + ", not JSON", null, e);
        }
    }

    /** The body as JSON if it is JSON, else an empty object: for reading error bodies. */
    JsonNode parseQuietly(Response response) {
        try {
            JsonNode node = json.readTree(response.body() == null ? "" : response.body());
            return node == null ? json.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            return json.createObjectNode();
        }
    }

    static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

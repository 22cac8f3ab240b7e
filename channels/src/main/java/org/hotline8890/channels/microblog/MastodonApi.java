package org.hotline8890.channels.microblog;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline8890.channels.text.HtmlText;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Mastodon-compatible server: mention notifications in ({@code GET /api/v1/notifications}),
 * replies out ({@code POST /api/v1/statuses}). The read position is the notification id.
 */
class MastodonApi implements PlatformApi {

    static final String NOTIFICATIONS = "notifications";

    private final MicroblogSettings.PlatformSettings settings;
    private final PlatformHttp http;
    private final Clock clock;

    MastodonApi(MicroblogSettings.PlatformSettings settings, PlatformHttp http, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.clock = clock;
    }

    @Override
    public Platform platform() {
        return Platform.MASTODON;
    }

    @Override
    public List<String> feeds() {
        return List.of(NOTIFICATIONS);
    }

    @Override
    public Page read(String feed, String sinceId, String olderThan, int count) throws ApiFailure {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("types[]", "mention");
        query.put("limit", String.valueOf(count));
        query.put("since_id", sinceId);
        query.put("max_id", olderThan);
        PlatformHttp.Response response = http.send(authorized(http.request(
                settings.root().resolve("api/v1/notifications?" + PlatformHttp.form(query)))).GET().build());
        JsonNode notifications = checked(response, "notifications");
        List<MicroblogPost> posts = new ArrayList<>();
        String newest = null;
        String oldest = null;
        for (JsonNode notification : notifications) {
            String id = notification.path("id").asText();
            newest = newest == null || ReadPositions.newer(id, newest) ? id : newest;
            oldest = oldest == null || ReadPositions.newer(oldest, id) ? id : oldest;
            JsonNode status = notification.path("status");
            if ("mention".equals(notification.path("type").asText()) && status.isObject()) {
                posts.add(post(id, notification.path("account"), status));
            }
        }
        return new Page(posts, notifications.size(), newest, oldest);
    }

    private MicroblogPost post(String notificationId, JsonNode account, JsonNode status) {
        String parent = status.path("in_reply_to_id").asText("");
        String displayName = account.path("display_name").asText("");
        return new MicroblogPost(notificationId, Platform.MASTODON.qualify(status.path("id").asText()),
                parent.isEmpty() ? null : Platform.MASTODON.qualify(parent), account.path("id").asText(null),
                handle(account.path("acct").asText("")), displayName.isEmpty() ? null : displayName,
                HtmlText.toPlainText(status.path("content").asText("")), createdAt(status));
    }

    /** {@code acct} is {@code user@server} for remote accounts and just {@code user} for local ones. */
    private String handle(String acct) {
        if (acct.isEmpty()) {
            return null;
        }
        return Platform.MASTODON.qualify("@" + (acct.contains("@") ? acct : acct + "@" + settings.root().getHost()));
    }

    private static Instant createdAt(JsonNode status) {
        try {
            return Instant.parse(status.path("created_at").asText(""));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String salutation(String recipientHandle) {
        // Mastodon notifies only the accounts a post mentions, not the author of the post it answers.
        return Platform.of(recipientHandle).filter(p -> p == Platform.MASTODON)
                .map(p -> p.unqualify(recipientHandle) + " ").orElse("");
    }

    @Override
    public String reply(String parentId, String text, long idempotencyKey) throws ApiFailure {
        String inReplyTo = Platform.MASTODON.unqualify(parentId);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("status", text);
        form.put("in_reply_to_id", inReplyTo);
        form.put("visibility", visibilityOfReplyTo(inReplyTo));
        PlatformHttp.Response response = http.send(authorized(http.request(settings.root().resolve("api/v1/statuses")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Idempotency-Key", "hotline-notification-" + idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build());
        String id = checked(response, "statuses").path("id").asText("");
        if (id.isEmpty()) {
            throw new ApiFailure(ApiFailure.Kind.TRANSIENT, "mastodon statuses: HTTP " + response.status() + " without an id");
        }
        return Platform.MASTODON.qualify(id);
    }

    /**
     * Public for public posts; a citizen who wrote to the account privately (followers-only or
     * direct) is answered just as privately, never in public.
     */
    private String visibilityOfReplyTo(String statusId) throws ApiFailure {
        PlatformHttp.Response response = http.send(authorized(http.request(
                settings.root().resolve("api/v1/statuses/" + PlatformHttp.encode(statusId)))).GET().build());
        String visibility = checked(response, "statuses/:id").path("visibility").asText("public");
        return switch (visibility) {
            case "direct", "private" -> visibility;
            default -> "public";
        };
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        return request.header("Authorization", "Bearer " + settings.accessToken());
    }

    private JsonNode checked(PlatformHttp.Response response, String what) throws ApiFailure {
        if (response.ok()) {
            return http.parse(response, "mastodon " + what);
        }
        String message = "mastodon " + what + ": HTTP " + response.status() + " "
                + http.parseQuietly(response).path("error").asText("");
        int status = response.status();
        if (status == 429) {
            throw new ApiFailure(ApiFailure.Kind.RATE_LIMITED, message, rateLimitReset(response), null);
        }
        // 401/403 the token, 404 a deleted post, 422 a refused text: none gets better by waiting.
        throw new ApiFailure(status >= 500 || status == 408 ? ApiFailure.Kind.TRANSIENT : ApiFailure.Kind.PERMANENT,
                message, null, null);
    }

    /**
     * Mastodon sends an ISO 8601 time ({@code 2020-09-08T13:25:00.019685Z}); some compatible servers
     * send Unix seconds instead, or only {@code Retry-After} in seconds.
     */
    private Instant rateLimitReset(PlatformHttp.Response response) {
        Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset").map(String::strip);
        if (reset.isPresent()) {
            if (reset.get().matches("\\d{9,}")) {
                return Instant.ofEpochSecond(Long.parseLong(reset.get()));
            }
            try {
                return Instant.parse(reset.get());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return response.headers().firstValue("Retry-After").map(String::strip).filter(v -> v.matches("\\d{1,6}"))
                .map(seconds -> clock.instant().plusSeconds(Long.parseLong(seconds))).orElse(null);
    }
}

package org.hotline8890.channels.microblog;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The Weibo open API v2: {@code statuses/mentions.json} and {@code comments/to_me.json} in,
 * {@code comments/create.json} and {@code comments/reply.json} out. A comment's qualified id is
 * {@code weibo:<post id>/<comment id>}, because replying to a comment needs both.
 */
class WeiboApi implements PlatformApi {

    static final String MENTIONS = "mentions";
    static final String COMMENTS = "comments";

    private static final DateTimeFormatter CREATED_AT =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US);
    private static final Set<Integer> RATE_LIMITED = Set.of(10022, 10023, 10024);
    /** System busy, service unavailable, remote service error, task too heavy, job expired. */
    private static final Set<Integer> TRANSIENT = Set.of(10001, 10002, 10003, 10009, 10010);

    private final MicroblogSettings.PlatformSettings settings;
    private final PlatformHttp http;

    WeiboApi(MicroblogSettings.PlatformSettings settings, PlatformHttp http) {
        this.settings = settings;
        this.http = http;
    }

    @Override
    public Platform platform() {
        return Platform.WEIBO;
    }

    @Override
    public List<String> feeds() {
        return List.of(MENTIONS, COMMENTS);
    }

    @Override
    public Page read(String feed, String sinceId, String olderThan, int count) throws ApiFailure {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("access_token", settings.accessToken());
        query.put("count", String.valueOf(count));
        query.put("since_id", sinceId);
        // Weibo's max_id is inclusive.
        query.put("max_id", olderThan == null ? null : new BigInteger(olderThan).subtract(BigInteger.ONE).toString());
        boolean mentions = MENTIONS.equals(feed);
        String path = mentions ? "statuses/mentions.json" : "comments/to_me.json";
        PlatformHttp.Response response = http.send(http.request(
                settings.root().resolve(path + "?" + PlatformHttp.form(query))).GET().build());
        JsonNode body = checked(response, path);
        List<MicroblogPost> posts = new ArrayList<>();
        JsonNode entries = body.path(mentions ? "statuses" : "comments");
        String newest = null;
        String oldest = null;
        for (JsonNode entry : entries) {
            String id = idOf(entry);
            newest = newest == null || ReadPositions.newer(id, newest) ? id : newest;
            oldest = oldest == null || ReadPositions.newer(oldest, id) ? id : oldest;
            posts.add(mentions ? mention(entry) : comment(entry));
        }
        return new Page(posts, entries.size(), newest, oldest);
    }

    private MicroblogPost mention(JsonNode status) {
        String id = idOf(status);
        return new MicroblogPost(id, Platform.WEIBO.qualify(id), null, idOf(status.path("user")),
                handle(status.path("user")), status.path("user").path("screen_name").asText(null),
                status.path("text").asText(""), createdAt(status));
    }

    private MicroblogPost comment(JsonNode comment) {
        String id = idOf(comment);
        String postId = idOf(comment.path("status"));
        JsonNode answered = comment.path("reply_comment");
        String parent = answered.isObject()
                ? Platform.WEIBO.qualify(postId + "/" + idOf(answered))
                : Platform.WEIBO.qualify(postId);
        return new MicroblogPost(id, Platform.WEIBO.qualify(postId + "/" + id), parent, idOf(comment.path("user")),
                handle(comment.path("user")), comment.path("user").path("screen_name").asText(null),
                comment.path("text").asText(""), createdAt(comment));
    }

    private static String idOf(JsonNode node) {
        // idstr first: Weibo ids exceed what JavaScript numbers hold, and some clients mangle "id".
        String idstr = node.path("idstr").asText("");
        return idstr.isEmpty() ? node.path("id").asText(null) : idstr;
    }

    private static String handle(JsonNode user) {
        String name = user.path("screen_name").asText("");
        return name.isEmpty() ? null : Platform.WEIBO.qualify("@" + name);
    }

    private static Instant createdAt(JsonNode node) {
        try {
            return ZonedDateTime.parse(node.path("created_at").asText(""), CREATED_AT).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String salutation(String recipientHandle) {
        // A comment on a post reaches its author without naming them.
        return "";
    }

    @Override
    public String reply(String parentId, String text, long idempotencyKey) throws ApiFailure {
        String target = Platform.WEIBO.unqualify(parentId);
        int slash = target.indexOf('/');
        String postId = slash < 0 ? target : target.substring(0, slash);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("access_token", settings.accessToken());
        form.put("id", postId);
        if (slash >= 0) {
            form.put("cid", target.substring(slash + 1));
        }
        form.put("comment", text);
        String path = slash < 0 ? "comments/create.json" : "comments/reply.json";
        URI uri = settings.root().resolve(path);
        PlatformHttp.Response response = http.send(http.request(uri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(PlatformHttp.form(form))).build());
        JsonNode created = checked(response, path);
        String commentId = idOf(created);
        if (commentId == null || commentId.isEmpty()) {
            throw new ApiFailure(ApiFailure.Kind.TRANSIENT, path + ": HTTP " + response.status() + " without a comment id");
        }
        String onPost = idOf(created.path("status"));
        return Platform.WEIBO.qualify((onPost == null || onPost.isEmpty() ? postId : onPost) + "/" + commentId);
    }

    /** The body of a successful answer; an error body classified by its error_code, then its HTTP status. */
    private JsonNode checked(PlatformHttp.Response response, String path) throws ApiFailure {
        JsonNode body = response.ok() ? http.parse(response, "weibo " + path) : http.parseQuietly(response);
        int code = body.path("error_code").asInt(0);
        if (response.ok() && code == 0) {
            return body;
        }
        String message = "weibo " + path + ": HTTP " + response.status()
                + (code == 0 ? "" : ", error_code " + code + " " + body.path("error").asText(""));
        ApiFailure.Kind kind;
        if (RATE_LIMITED.contains(code) || (code == 0 && response.status() == 403)) {
            kind = ApiFailure.Kind.RATE_LIMITED;
        } else if (TRANSIENT.contains(code) || (code == 0 && response.status() >= 500)) {
            kind = ApiFailure.Kind.TRANSIENT;
        } else {
            // 21xxx: the token (expired 21327, invalid 21332, ...); 20xxx: the post or the text; others: our request.
            kind = ApiFailure.Kind.PERMANENT;
        }
        throw new ApiFailure(kind, message, null, null);
    }
}

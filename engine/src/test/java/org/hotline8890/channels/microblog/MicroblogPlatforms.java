package org.hotline8890.channels.microblog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Weibo's open API v2 and a Mastodon server on a local port, answering in their documented
 * shapes: feeds honour since_id, max_id and count/limit, replies become comments and statuses. A
 * test can plan a one-off answer (an error, a rate limit) for a path.
 */
final class MicroblogPlatforms implements AutoCloseable {

    static final String WEIBO_TOKEN = "weibo-test-token";
    static final String MASTODON_TOKEN = "mastodon-test-token";
    static final String WEIBO_ACCOUNT_ID = "7000000001";
    static final String WEIBO_ACCOUNT_NAME = "政务8890";
    static final String MASTODON_ACCOUNT_ID = "1";
    static final String MASTODON_HOST = "gov.example";

    private static final DateTimeFormatter WEIBO_DATE = DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.US);

    record Request(String method, String path, Map<String, String> query, Map<String, String> form, Headers headers) {
    }

    record Answer(int status, Map<String, String> headers, String body) {
        static Answer json(int status, String body) {
            return new Answer(status, Map.of(), body);
        }
    }

    private record Entry(String id, Map<String, Object> json) {
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Answer>> planned = new ConcurrentHashMap<>();
    private final List<Entry> weiboMentions = new CopyOnWriteArrayList<>();
    private final List<Entry> weiboComments = new CopyOnWriteArrayList<>();
    private final List<Entry> notifications = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, Object>> statuses = new ConcurrentHashMap<>();
    private final AtomicLong weiboIds = new AtomicLong(4983000000000000L);
    private final AtomicLong mastodonIds = new AtomicLong(109300000000000000L);
    private final AtomicLong notificationIds = new AtomicLong(34975000);

    MicroblogPlatforms() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    String weiboUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/weibo/2/";
    }

    String mastodonUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mastodon";
    }

    @Override
    public void close() {
        server.stop(0);
    }

    // ---- what the citizens post

    /** A Weibo post mentioning the account; returns its id. */
    String weiboMention(String screenName, String text) {
        String id = String.valueOf(weiboIds.incrementAndGet());
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("created_at", WEIBO_DATE.format(ZonedDateTime.now()));
        status.put("id", Long.parseLong(id));
        status.put("idstr", id);
        status.put("mid", id);
        status.put("text", text);
        status.put("source", "<a href=\"http://app.weibo.com/t/feed/6vtZb0\" rel=\"nofollow\">微博 weibo.com</a>");
        status.put("user", weiboUser("60" + id.substring(8), screenName));
        status.put("reposts_count", 0);
        status.put("comments_count", 0);
        weiboMentions.add(new Entry(id, status));
        return id;
    }

    /** A Weibo comment on post {@code postId}, answering comment {@code answeredCommentId} if not null. */
    String weiboComment(String screenName, String text, String postId, String answeredCommentId) {
        String id = String.valueOf(weiboIds.incrementAndGet());
        String userId = WEIBO_ACCOUNT_NAME.equals(screenName) ? WEIBO_ACCOUNT_ID : "60" + id.substring(8);
        weiboComments.add(new Entry(id, comment(id, weiboUser(userId, screenName), text, postId,
                answeredCommentId)));
        return id;
    }

    /** A Mastodon post mentioning the account, as a mention notification; returns the status id. */
    String mastodonMention(String acct, String html, String inReplyToId, String visibility) {
        String statusId = String.valueOf(mastodonIds.incrementAndGet());
        Map<String, Object> status = mastodonStatus(statusId, html, inReplyToId, visibility, mastodonAccount("9" + statusId.substring(12), acct));
        Map<String, Object> notification = new LinkedHashMap<>();
        String notificationId = String.valueOf(notificationIds.incrementAndGet());
        notification.put("id", notificationId);
        notification.put("type", "mention");
        notification.put("created_at", status.get("created_at"));
        notification.put("account", status.get("account"));
        notification.put("status", status);
        notifications.add(new Entry(notificationId, notification));
        return statusId;
    }

    /** A follow notification: not a post, yet it is read past. */
    void mastodonFollow(String acct) {
        Map<String, Object> notification = new LinkedHashMap<>();
        String notificationId = String.valueOf(notificationIds.incrementAndGet());
        notification.put("id", notificationId);
        notification.put("type", "follow");
        notification.put("created_at", java.time.Instant.now().toString());
        notification.put("account", mastodonAccount("8" + notificationId, acct));
        notifications.add(new Entry(notificationId, notification));
    }

    // ---- what the tests look at and plan

    void plan(String methodAndPath, Answer answer) {
        planned.computeIfAbsent(methodAndPath, k -> new ArrayDeque<>()).add(answer);
    }

    List<Request> requestsTo(String methodAndPath) {
        return requests.stream().filter(r -> (r.method() + " " + r.path()).equals(methodAndPath)).toList();
    }

    void forget() {
        requests.clear();
        planned.clear();
    }

    // ---- the two APIs

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
        Map<String, String> form = decode(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        requests.add(new Request(method, path, query, form, exchange.getRequestHeaders()));
        Deque<Answer> plan = planned.get(method + " " + path);
        Answer answer = plan != null && !plan.isEmpty() ? plan.poll() : answer(method, path, query, form, exchange);
        answer.headers().forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private Answer answer(String method, String path, Map<String, String> query, Map<String, String> form,
                          HttpExchange exchange) {
        if (path.startsWith("/weibo/2/")) {
            String token = "GET".equals(method) ? query.get("access_token") : form.get("access_token");
            if (!WEIBO_TOKEN.equals(token)) {
                return weiboError(21332, "invalid_access_token", path);
            }
            return switch (method + " " + path.substring("/weibo/2/".length())) {
                case "GET statuses/mentions.json" -> Answer.json(200, write(Map.of(
                        "statuses", page(weiboMentions, query, "count", true), "total_number", weiboMentions.size())));
                case "GET comments/to_me.json" -> Answer.json(200, write(Map.of(
                        "comments", page(weiboComments, query, "count", true), "total_number", weiboComments.size())));
                case "POST comments/create.json", "POST comments/reply.json" -> weiboReply(form, path);
                default -> weiboError(10014, "Insufficient app permissions", path);
            };
        }
        if (!("Bearer " + MASTODON_TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return Answer.json(401, "{\"error\":\"The access token is invalid\"}");
        }
        if ("GET".equals(method) && path.equals("/mastodon/api/v1/notifications")) {
            Predicate<Entry> types = e -> !query.containsKey("types[]") || query.get("types[]").equals(e.json().get("type"));
            return Answer.json(200, write(page(notifications.stream().filter(types).toList(), query, "limit", false)));
        }
        if ("GET".equals(method) && path.startsWith("/mastodon/api/v1/statuses/")) {
            Map<String, Object> status = statuses.get(path.substring("/mastodon/api/v1/statuses/".length()));
            return status == null ? Answer.json(404, "{\"error\":\"Record not found\"}") : Answer.json(200, write(status));
        }
        if ("POST".equals(method) && path.equals("/mastodon/api/v1/statuses")) {
            String id = String.valueOf(mastodonIds.incrementAndGet());
            Map<String, Object> status = mastodonStatus(id, "<p>" + form.get("status") + "</p>", form.get("in_reply_to_id"),
                    form.getOrDefault("visibility", "public"), mastodonAccount(MASTODON_ACCOUNT_ID, "hotline"));
            return Answer.json(200, write(status));
        }
        return Answer.json(404, "{\"error\":\"Record not found\"}");
    }

    /** Newest first; since_id exclusive; max_id inclusive on Weibo, exclusive on Mastodon. */
    private List<Map<String, Object>> page(List<Entry> entries, Map<String, String> query, String countParameter,
                                           boolean maxIdInclusive) {
        Comparator<String> byId = Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder());
        String since = query.get("since_id");
        String max = query.get("max_id");
        int count = Integer.parseInt(query.getOrDefault(countParameter, "20"));
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::id, byId).reversed());
        return sorted.stream()
                .filter(e -> since == null || byId.compare(e.id(), since) > 0)
                .filter(e -> max == null || (maxIdInclusive ? byId.compare(e.id(), max) <= 0 : byId.compare(e.id(), max) < 0))
                .limit(count).map(Entry::json).toList();
    }

    private Answer weiboReply(Map<String, String> form, String path) {
        String postId = form.get("id");
        String comment = form.get("comment");
        if (postId == null || comment == null || weiboMentions.stream().noneMatch(e -> e.id().equals(postId))) {
            return weiboError(20101, "target weibo does not exist!", path);
        }
        String id = String.valueOf(weiboIds.incrementAndGet());
        return Answer.json(200, write(comment(id, weiboUser(WEIBO_ACCOUNT_ID, WEIBO_ACCOUNT_NAME), comment, postId, form.get("cid"))));
    }

    private Map<String, Object> comment(String id, Map<String, Object> user, String text, String postId, String answeredId) {
        Map<String, Object> comment = new LinkedHashMap<>();
        comment.put("created_at", WEIBO_DATE.format(ZonedDateTime.now()));
        comment.put("id", Long.parseLong(id));
        comment.put("idstr", id);
        comment.put("text", text);
        comment.put("source", "<a href=\"http://weibo.com\" rel=\"nofollow\">新浪微博</a>");
        comment.put("mid", id);
        comment.put("user", user);
        comment.put("status", Map.of("id", Long.parseLong(postId), "idstr", postId, "mid", postId));
        if (answeredId != null) {
            comment.put("reply_comment", Map.of("id", Long.parseLong(answeredId), "idstr", answeredId, "text", "…"));
        }
        return comment;
    }

    private static Map<String, Object> weiboUser(String id, String screenName) {
        return Map.of("id", Long.parseLong(id), "idstr", id, "screen_name", screenName, "name", screenName);
    }

    private Map<String, Object> mastodonStatus(String id, String html, String inReplyToId, String visibility,
                                               Map<String, Object> account) {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("id", id);
        status.put("created_at", java.time.Instant.now().toString());
        status.put("in_reply_to_id", inReplyToId);
        status.put("sensitive", false);
        status.put("spoiler_text", "");
        status.put("visibility", visibility);
        status.put("language", "zh");
        status.put("uri", "https://" + MASTODON_HOST + "/users/x/statuses/" + id);
        status.put("content", html);
        status.put("account", account);
        statuses.put(id, status);
        return status;
    }

    private static Map<String, Object> mastodonAccount(String id, String acct) {
        return Map.of("id", id, "username", acct.split("@")[0], "acct", acct, "display_name", acct.split("@")[0]);
    }

    private Answer weiboError(int code, String error, String path) {
        return Answer.json(code >= 21300 && code < 21400 ? 401 : 400, write(Map.of("error", error, "error_code", code,
                "request", path.substring("/weibo".length()))));
    }

    String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> decode(String raw) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return fields;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            fields.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}

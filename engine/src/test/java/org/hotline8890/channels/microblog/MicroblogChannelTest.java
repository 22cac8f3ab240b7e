package org.hotline8890.channels.microblog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.DeliveryException;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.channels.IntakeReceipts;
import org.hotline8890.channels.OutboundMessage;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.notification.Outbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The microblog channel against local Weibo and Mastodon peers: mentions and comments become
 * contacts once, replies go out on the platform the case came from, and failures back off.
 */
@SpringBootTest(properties = {
        "hotline.channels.microblog.tick=3600000",
        "hotline.channels.microblog.weibo.enabled=true",
        "hotline.channels.microblog.weibo.access-token=" + MicroblogPlatforms.WEIBO_TOKEN,
        "hotline.channels.microblog.weibo.account-id=" + MicroblogPlatforms.WEIBO_ACCOUNT_ID,
        "hotline.channels.microblog.weibo.poll-interval=0s",
        "hotline.channels.microblog.weibo.page-size=2",
        "hotline.channels.microblog.weibo.max-backoff=4m",
        "hotline.channels.microblog.mastodon.enabled=true",
        "hotline.channels.microblog.mastodon.access-token=" + MicroblogPlatforms.MASTODON_TOKEN,
        "hotline.channels.microblog.mastodon.account-id=" + MicroblogPlatforms.MASTODON_ACCOUNT_ID,
        "hotline.channels.microblog.mastodon.poll-interval=0s",
        "hotline.channels.microblog.mastodon.page-size=2"})
@ActiveProfiles("test")
class MicroblogChannelTest {

    private static final MicroblogPlatforms PLATFORMS = new MicroblogPlatforms();
    private static final Pattern CASE_NUMBER = Pattern.compile("8890-\\d{8}-\\d{6}");

    @DynamicPropertySource
    static void platforms(DynamicPropertyRegistry registry) {
        registry.add("hotline.channels.microblog.weibo.base-url", PLATFORMS::weiboUrl);
        registry.add("hotline.channels.microblog.mastodon.base-url", PLATFORMS::mastodonUrl);
    }

    @AfterAll
    static void stopPlatforms() {
        PLATFORMS.close();
    }

    @Autowired ApplicationContext context;
    @Autowired MicroblogPolling polling;
    @Autowired MicroblogOutbound outbound;
    @Autowired MicroblogSettings settings;
    @Autowired IntakeReceipts receipts;
    @Autowired IntakeQueue queue;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired JdbcTemplate jdbc;

    @AfterEach
    void forgetRequests() {
        PLATFORMS.forget();
    }

    @Test
    void aMastodonMentionBecomesExactlyOneCaseEvenWhenReadTwice() {
        String before = position("mastodon:notifications");
        String statusId = PLATFORMS.mastodonMention("citizen@social.example",
                "<p><span class=\"h-card\"><a href=\"https://gov.example/@hotline\" class=\"u-url mention\">@<span>hotline</span></a></span> "
                        + "幸福路12号门口的路灯坏了三天&amp;没人修<br />晚上很危险</p>", null, "public");

        readAndDrain();
        // As after a crash before the read position was saved: the same mention is read and queued again.
        if (before == null) {
            jdbc.update("DELETE FROM microblog_read_position WHERE feed = 'mastodon:notifications'");
        } else {
            jdbc.update("UPDATE microblog_read_position SET since_id = ? WHERE feed = 'mastodon:notifications'", before);
        }
        long casesAfterFirstRead = cases.count();
        readAndDrain();

        assertThat(cases.count()).isEqualTo(casesAfterFirstRead);
        HotlineCase c = caseOf("mastodon:" + statusId);
        assertThat(c.getChannel()).isEqualTo(Channel.MICROBLOG);
        assertThat(c.getContent()).isEqualTo("幸福路12号门口的路灯坏了三天&没人修\n晚上很危险");
        assertThat(c.getContact().handle()).isEqualTo("mastodon:@citizen@social.example");
        assertThat(c.getContact().phone()).isNull();
        assertThat(PLATFORMS.requestsTo("GET /mastodon/api/v1/notifications"))
                .allSatisfy(r -> {
                    assertThat(r.query()).containsEntry("types[]", "mention");
                    assertThat(r.headers().getFirst("Authorization")).isEqualTo("Bearer " + MicroblogPlatforms.MASTODON_TOKEN);
                });
    }

    @Test
    void theNextReadAsksOnlyForWhatIsNewerThanWhatWasRead() {
        PLATFORMS.mastodonMention("a@social.example", "<p>@hotline 公交站牌被撞倒了</p>", null, "public");
        PLATFORMS.mastodonFollow("b@social.example");
        PLATFORMS.weiboMention("市民甲", "@政务8890 人行道上有个大坑");
        readAndDrain();
        String mastodonRead = position("mastodon:notifications");
        String weiboRead = position("weibo:mentions");
        PLATFORMS.forget();

        readAndDrain();

        assertThat(PLATFORMS.requestsTo("GET /mastodon/api/v1/notifications"))
                .singleElement().satisfies(r -> assertThat(r.query()).containsEntry("since_id", mastodonRead));
        assertThat(PLATFORMS.requestsTo("GET /weibo/2/statuses/mentions.json"))
                .singleElement().satisfies(r -> assertThat(r.query()).containsEntry("since_id", weiboRead));
    }

    @Test
    void mentionsThatCameInWhileAwayAreReadPageByPage() {
        readAndDrain();
        List<String> ids = List.of(PLATFORMS.weiboMention("市民乙", "@政务8890 一号路井盖丢了"),
                PLATFORMS.weiboMention("市民丙", "@政务8890 二号路积水"),
                PLATFORMS.weiboMention("市民丁", "@政务8890 三号路堵车"),
                PLATFORMS.weiboMention("市民戊", "@政务8890 四号路噪音"),
                PLATFORMS.weiboMention("市民己", "@政务8890 五号路乱停车"));

        readAndDrain();

        ids.forEach(id -> assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + id)).isPresent());
        assertThat(position("weibo:mentions")).isEqualTo(ids.get(4));
    }

    @Test
    void aWeiboMentionIsAnsweredByACommentAndCommentsInItsThreadJoinTheCase() {
        String postId = PLATFORMS.weiboMention("热心市民", "@政务8890 [怒] 东风路夜间施工噪音太大，影响休息");
        readAndDrain();
        HotlineCase c = caseOf("weibo:" + postId);
        assertThat(c.getContent()).isEqualTo("[怒] 东风路夜间施工噪音太大，影响休息");
        assertThat(c.getContact().handle()).isEqualTo("weibo:@热心市民");

        Outbox.deliverDue(context);

        MicroblogPlatforms.Request reply = PLATFORMS.requestsTo("POST /weibo/2/comments/create.json").stream()
                .filter(r -> postId.equals(r.form().get("id"))).findFirst().orElseThrow();
        assertThat(reply.form()).containsEntry("access_token", MicroblogPlatforms.WEIBO_TOKEN);
        assertThat(reply.form().get("comment")).contains(c.getCaseNumber()).doesNotContain("热心市民");
        String ourCommentId = jdbc.queryForObject(
                "SELECT external_id FROM citizen_notification WHERE case_id = ? AND kind = 'ACCEPTED'", String.class, c.getId());
        assertThat(ourCommentId).startsWith("weibo:" + postId + "/");

        long casesBefore = cases.count();
        String answer = PLATFORMS.weiboComment("热心市民", "回复@政务8890:今晚又开始了", postId,
                ourCommentId.substring(ourCommentId.indexOf('/') + 1));
        String onThePost = PLATFORMS.weiboComment("邻居", "我家也听得到", postId, null);
        readAndDrain();

        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + postId + "/" + answer)).contains(c.getCaseNumber());
        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + postId + "/" + onThePost)).contains(c.getCaseNumber());
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId()))
                .filteredOn(e -> e.getType() == CaseEventType.CONTACT_APPENDED)
                .extracting(e -> e.getComment())
                .anySatisfy(text -> assertThat(text).contains("今晚又开始了"))
                .anySatisfy(text -> assertThat(text).contains("我家也听得到"));
    }

    @Test
    void aMastodonMentionIsAnsweredInItsThreadAndAReplyToTheAnswerJoinsTheCase() {
        String statusId = PLATFORMS.mastodonMention("li@social.example", "<p>@hotline 菜市场的秤不准</p>", null, "public");
        readAndDrain();
        HotlineCase c = caseOf("mastodon:" + statusId);

        Outbox.deliverDue(context);

        MicroblogPlatforms.Request reply = PLATFORMS.requestsTo("POST /mastodon/api/v1/statuses").stream()
                .filter(r -> statusId.equals(r.form().get("in_reply_to_id"))).findFirst().orElseThrow();
        assertThat(reply.form()).containsEntry("visibility", "public");
        assertThat(reply.form().get("status")).startsWith("@li@social.example ").contains(c.getCaseNumber());
        assertThat(reply.headers().getFirst("Authorization")).isEqualTo("Bearer " + MicroblogPlatforms.MASTODON_TOKEN);
        Long notificationId = jdbc.queryForObject(
                "SELECT id FROM citizen_notification WHERE case_id = ? AND kind = 'ACCEPTED'", Long.class, c.getId());
        assertThat(reply.headers().getFirst("Idempotency-Key")).endsWith("-" + notificationId);
        String ours = jdbc.queryForObject("SELECT external_id FROM citizen_notification WHERE id = ?", String.class,
                notificationId);

        long casesBefore = cases.count();
        String answer = PLATFORMS.mastodonMention("li@social.example", "<p>@hotline 今天还是不准</p>",
                ours.substring("mastodon:".length()), "public");
        readAndDrain();

        assertThat(cases.count()).isEqualTo(casesBefore);
        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "mastodon:" + answer)).contains(c.getCaseNumber());
    }

    @Test
    void aCitizenWhoWroteDirectlyIsAnsweredDirectlyNotInPublic() throws DeliveryException {
        String statusId = PLATFORMS.mastodonMention("wang@social.example", "<p>@hotline 我想私下反映一个问题</p>", null, "direct");

        outbound.send(message("mastodon:" + statusId, "mastodon:@wang@social.example", "您反映的问题已受理，工单号 8890-20261123-000001。"));

        assertThat(PLATFORMS.requestsTo("POST /mastodon/api/v1/statuses")).singleElement()
                .satisfies(r -> assertThat(r.form()).containsEntry("visibility", "direct"));
    }

    @Test
    void postsOfOnlyEmojiOrOnlyTheMentionMakeNoCaseAndAreNotReadAgain() {
        String emoji = PLATFORMS.weiboMention("路人", "@政务8890 [赞][赞]👍👍");
        String mentionOnly = PLATFORMS.mastodonMention("x@social.example",
                "<p><span class=\"h-card\"><a href=\"https://gov.example/@hotline\" class=\"u-url mention\">@<span>hotline</span></a></span></p>",
                null, "public");
        String pending = "SELECT COUNT(*) FROM intake_queue_message WHERE channel = 'MICROBLOG' AND channel_message_id = ?";

        readAndDrain();

        assertThat(jdbc.queryForObject(pending, Integer.class, "weibo:" + emoji)).isZero();
        assertThat(jdbc.queryForObject(pending, Integer.class, "mastodon:" + mentionOnly)).isZero();
        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + emoji)).isEmpty();
        assertThat(position("weibo:mentions")).isEqualTo(emoji);
        assertThat(PLATFORMS.requestsTo("POST /weibo/2/comments/create.json")).isEmpty();
    }

    @Test
    void theAccountsOwnCommentsAreNotReadAsContacts() {
        String postId = PLATFORMS.weiboMention("市民庚", "@政务8890 河道有垃圾");
        readAndDrain();
        String own = PLATFORMS.weiboComment(MicroblogPlatforms.WEIBO_ACCOUNT_NAME, "已转交相关部门", postId, null);

        readAndDrain();

        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + postId + "/" + own)).isEmpty();
    }

    // ---- backing off, on readers of their own so that their waiting does not hold up other tests

    @Test
    void aMastodonRateLimitWaitsUntilTheResetTimeWhileWeiboIsStillRead() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T04:00:00Z"));
        MicroblogPolling own = readers(clock);
        Instant reset = clock.instant().plus(Duration.ofMinutes(10));
        PLATFORMS.plan("GET /mastodon/api/v1/notifications", new MicroblogPlatforms.Answer(429,
                Map.of("X-RateLimit-Limit", "300", "X-RateLimit-Remaining", "0", "X-RateLimit-Reset", reset.toString()),
                "{\"error\":\"Too many requests\"}"));
        String weiboPost = PLATFORMS.weiboMention("市民辛", "@政务8890 小区停电了");

        own.readDue();
        clock.advance(Duration.ofMinutes(5));
        own.readDue();

        assertThat(reader(own, Platform.MASTODON).nextReadAt()).isEqualTo(reset);
        assertThat(PLATFORMS.requestsTo("GET /mastodon/api/v1/notifications")).hasSize(1);
        assertThat(PLATFORMS.requestsTo("GET /weibo/2/statuses/mentions.json")).hasSize(2);
        IntakeQueueDrain.drainAll(context);
        assertThat(receipts.caseNumberFor(Channel.MICROBLOG, "weibo:" + weiboPost)).isPresent();

        clock.advance(Duration.ofMinutes(5));
        own.readDue();
        assertThat(PLATFORMS.requestsTo("GET /mastodon/api/v1/notifications")).hasSize(2);
    }

    @Test
    void aRateLimitThatOnlySaysRetryAfterIsWaitedOutToo() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T05:00:00Z"));
        MicroblogPolling own = readers(clock);
        PLATFORMS.plan("GET /mastodon/api/v1/notifications", new MicroblogPlatforms.Answer(429,
                Map.of("Retry-After", "3600"), "{\"error\":\"Too many requests\"}"));

        reader(own, Platform.MASTODON).readIfDue();

        assertThat(reader(own, Platform.MASTODON).nextReadAt()).isEqualTo(clock.instant().plusSeconds(3600));
    }

    @Test
    void weiboRateLimitErrorsBackOffExponentiallyUpToTheCapAndAReadThatWorksEndsIt() {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-23T04:00:00Z"));
        MicroblogPolling own = readers(clock);
        PlatformReader weibo = reader(own, Platform.WEIBO);
        String limited = "{\"error\":\"User requests out of rate limit!\",\"error_code\":10023,"
                + "\"request\":\"/2/statuses/mentions.json\"}";
        List<Duration> waits = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            PLATFORMS.plan("GET /weibo/2/statuses/mentions.json", MicroblogPlatforms.Answer.json(403, limited));
            Instant now = clock.instant();
            weibo.readIfDue();
            waits.add(Duration.between(now, weibo.nextReadAt()));
            clock.set(weibo.nextReadAt());
        }
        weibo.readIfDue();

        // first-backoff 30 s (the default), doubling, capped at max-backoff 4 min
        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                Duration.ofSeconds(240), Duration.ofSeconds(240));
        assertThat(weibo.nextReadAt()).isEqualTo(clock.instant());
        assertThat(PLATFORMS.requestsTo("GET /weibo/2/statuses/mentions.json")).hasSize(6);
    }

    // ---- replies, sent directly

    @Test
    void aReplyToAWeiboCommentUsesCommentsReplyWithTheCommentAndItsPost() throws DeliveryException {
        String postId = PLATFORMS.weiboMention("市民壬", "@政务8890 垃圾没人收");
        String commentId = PLATFORMS.weiboComment("市民壬", "还是没人收", postId, null);

        String id = outbound.send(message("weibo:" + postId + "/" + commentId, "weibo:@市民壬",
                "已收到您关于工单 8890-20261123-000002 的补充信息。"));

        MicroblogPlatforms.Request reply = PLATFORMS.requestsTo("POST /weibo/2/comments/reply.json").get(0);
        assertThat(reply.form()).containsEntry("id", postId).containsEntry("cid", commentId)
                .containsEntry("comment", "已收到您关于工单 8890-20261123-000002 的补充信息。");
        assertThat(id).startsWith("weibo:" + postId + "/");
    }

    @Test
    void aLongReplyIsCutToTheWeiboLengthAndKeepsTheCaseNumber() throws DeliveryException {
        String postId = PLATFORMS.weiboMention("市民癸", "@政务8890 公园的健身器材坏了");
        String caseNumber = "8890-20261123-000003";
        String text = "感谢您的反映。".repeat(30) + "工单 " + caseNumber + " 已办结。";

        outbound.send(message("weibo:" + postId, "weibo:@市民癸", text));

        String sent = PLATFORMS.requestsTo("POST /weibo/2/comments/create.json").get(0).form().get("comment");
        assertThat(sent.codePointCount(0, sent.length())).isLessThanOrEqualTo(140);
        assertThat(sent).startsWith("感谢您的反映。").endsWith("…（工单 " + caseNumber + "）");
    }

    @Test
    void textThatLooksLikePersonalDataIsRefusedForGoodAndNeverPosted() {
        String postId = PLATFORMS.weiboMention("市民子", "@政务8890 请联系我");

        for (String text : List.of("请致电 13812345678 联系工单 8890-20261123-000004 的经办人。",
                "工单 8890-20261123-000004：请发送材料至 someone@example.cn。",
                "工单 8890-20261123-000004：身份证号 110101199003077777 已核实。",
                "工单 8890-20261123-000004：请拨打 010-62345678。")) {
            assertThatThrownBy(() -> outbound.send(message("weibo:" + postId, "weibo:@市民子", text)))
                    .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isPermanent()).isTrue());
        }
        assertThat(PLATFORMS.requestsTo("POST /weibo/2/comments/create.json")).isEmpty();
    }

    @Test
    void aRefusedTokenIsPermanentAndARateLimitOrServerErrorIsRetried() {
        String postId = PLATFORMS.weiboMention("市民丑", "@政务8890 路灯不亮");
        String statusId = PLATFORMS.mastodonMention("zhao@social.example", "<p>@hotline 路灯不亮</p>", null, "public");
        String text = "工单 8890-20261123-000005 已转交承办单位办理。";

        PLATFORMS.plan("POST /mastodon/api/v1/statuses",
                MicroblogPlatforms.Answer.json(401, "{\"error\":\"The access token is invalid\"}"));
        assertThat(failure(message("mastodon:" + statusId, "mastodon:@zhao@social.example", text)).isPermanent()).isTrue();
        PLATFORMS.plan("POST /weibo/2/comments/create.json", MicroblogPlatforms.Answer.json(401,
                "{\"error\":\"expired_token\",\"error_code\":21327,\"request\":\"/2/comments/create.json\"}"));
        assertThat(failure(message("weibo:" + postId, "weibo:@市民丑", text)).isPermanent()).isTrue();

        PLATFORMS.plan("POST /mastodon/api/v1/statuses", new MicroblogPlatforms.Answer(429,
                Map.of("X-RateLimit-Reset", Instant.now().plusSeconds(60).toString()), "{\"error\":\"Too many requests\"}"));
        assertThat(failure(message("mastodon:" + statusId, "mastodon:@zhao@social.example", text)).isPermanent()).isFalse();
        PLATFORMS.plan("POST /weibo/2/comments/create.json", MicroblogPlatforms.Answer.json(403,
                "{\"error\":\"User requests out of rate limit!\",\"error_code\":10023,\"request\":\"/2/comments/create.json\"}"));
        assertThat(failure(message("weibo:" + postId, "weibo:@市民丑", text)).isPermanent()).isFalse();
        PLATFORMS.plan("POST /mastodon/api/v1/statuses", MicroblogPlatforms.Answer.json(503, "<html>bad gateway</html>"));
        assertThat(failure(message("mastodon:" + statusId, "mastodon:@zhao@social.example", text)).isPermanent()).isFalse();
    }

    @Test
    void aMessageWithoutAPostToAnswerIsRefusedForGood() {
        DeliveryException e = failure(message(null, "weibo:@someone", "工单 8890-20261123-000006 已办结。"));
        assertThat(e.isPermanent()).isTrue();
    }

    // ---- helpers

    private void readAndDrain() {
        polling.readDue();
        IntakeQueueDrain.drainAll(context);
    }

    private HotlineCase caseOf(String messageId) {
        String number = receipts.caseNumberFor(Channel.MICROBLOG, messageId).orElseThrow();
        return cases.findByCaseNumber(number).orElseThrow();
    }

    private String position(String feed) {
        List<String> ids = jdbc.queryForList("SELECT since_id FROM microblog_read_position WHERE feed = ?", String.class, feed);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private MicroblogPolling readers(Clock clock) {
        PlatformHttp http = new PlatformHttp(new com.fasterxml.jackson.databind.ObjectMapper());
        ReadPositions positions = new ReadPositions(jdbc, clock);
        return new MicroblogPolling(List.of(
                new PlatformReader(new WeiboApi(settings.weibo(), http), settings.weibo(), positions, queue, "8890", clock),
                new PlatformReader(new MastodonApi(settings.mastodon(), http, clock), settings.mastodon(), positions, queue, "8890", clock)));
    }

    private static PlatformReader reader(MicroblogPolling polling, Platform platform) {
        return polling.readers().stream().filter(r -> r.platform() == platform).findFirst().orElseThrow();
    }

    private static OutboundMessage message(String inReplyTo, String handle, String text) {
        Matcher caseNumber = CASE_NUMBER.matcher(text);
        assertThat(caseNumber.find()).as("a public reply names its case").isTrue();
        return new OutboundMessage(System.nanoTime(), Channel.MICROBLOG, caseNumber.group(), "ACCEPTED",
                new OutboundMessage.Recipient(null, null, null, handle), null, text, inReplyTo);
    }

    private DeliveryException failure(OutboundMessage message) {
        try {
            outbound.send(message);
        } catch (DeliveryException e) {
            return e;
        }
        throw new AssertionError("expected the delivery to fail");
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        void set(Instant to) {
            now = to;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline8890.RealServers;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseNumbersTest;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.hotline8890.channels.IntakeQueue;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Tag;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The production stack for real: MariaDB through MySQL Connector/J and RabbitMQ. Run with
 * {@code mvn -P real-servers verify} and the HOTLINE_IT_* variables (see README and .ci/run).
 */
@Tag("real-servers")
@SpringBootTest
@ActiveProfiles({"mysql", "rabbit"})
class RealServersLifecycleTest {

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        RealServers.register(registry);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired IntakeQueue queue;
    @Autowired CaseIntake intake;
    @Autowired CaseNumbers numbers;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;
    @Autowired DeadLetters deadLetters;

    @Test
    void theSchemaMigratesOnMariaDbWithUtf8mb4ForOurTables() {
        assertThat(jdbc.queryForObject("SELECT VERSION()", String.class)).containsIgnoringCase("mariadb");
        assertThat(jdbc.queryForObject("SELECT MAX(CAST(version AS UNSIGNED)) FROM flyway_schema_history", Integer.class))
                .isEqualTo(latestMigration());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM flyway_schema_history WHERE success = 0", Integer.class))
                .isZero();
        List<String> charsets = jdbc.queryForList("""
                SELECT DISTINCT c.character_set_name FROM information_schema.tables t
                JOIN information_schema.collation_character_set_applicability c ON c.collation_name = t.table_collation
                WHERE t.table_schema = DATABASE() AND t.table_name IN ('hotline_case', 'case_event', 'published_result')""",
                String.class);
        assertThat(charsets).containsExactly("utf8mb4");
    }

    @Test
    void aCaseTravelsTheWholeLifeOnMariaDbWithEmojiInItsText() {
        var request = noiseComplaint(Instant.now());
        var withEmoji = new org.hotline8890.cases.NewCase(request.channel(), request.type(), request.categoryCode(),
                request.urgency(), request.districtCode(), request.location(), request.contact(), false, true,
                request.subject(), request.content() + " 😡", List.of(), request.receivedAt());
        CaseIntake.Opened opened = intake.open(withEmoji, IntakeDecision.REVIEW, null, "channel:web");
        String n = opened.theCase().getCaseNumber();
        Staff center = dispatcher(organisation);
        Staff environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.reviewIntake(center, n, IntakeDecision.DISPATCH, null, null, null);
        actions.sign(environment, n);
        actions.requestExtension(environment, n, cases.findByCaseNumber(n).orElseThrow().getHandleBy()
                .plus(Duration.ofDays(5)), "等待检测报告");
        actions.ruleOnExtension(center, n, true, "同意");
        actions.reply(environment, n, "已处理");
        actions.reviewReply(center, n, true, null);
        actions.recordCitizenFeedback(n, opened.queryCode(), Satisfaction.VERY_SATISFIED, "👍");
        var closed = cases.findByCaseNumber(n).orElseThrow();
        assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
        assertThat(closed.getContent()).endsWith("😡");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM published_result WHERE case_number = ?", Integer.class, n))
                .isEqualTo(1);
    }

    @Test
    void aContactDeliveredTwiceThroughRabbitMqMakesOneCase() throws InterruptedException {
        String messageId = UUID.randomUUID().toString();
        ContactMessage contact = new ContactMessage(Channel.SMS, messageId, Instant.now(),
                new ContactMessage.Sender(null, "13900001111", null, null, false), null,
                "小区门口路灯坏了一周了", List.of(), null, "DC", null, null, null, false, true, null, Map.of());
        // The second publish is what the broker does after a crash between commit and acknowledgement.
        queue.publish(contact);
        queue.publish(contact);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && contactCount(messageId) == 0) {
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        assertThat(contactCount(messageId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM hotline_case c JOIN intake_contact i ON i.case_id = c.id
                WHERE i.channel_message_id = ?""", Integer.class, messageId)).isEqualTo(1);
    }

    @Test
    void aCommentTakenBeforeItsPostStillJoinsThePostsCase() throws InterruptedException {
        String post = UUID.randomUUID().toString();
        String comment = UUID.randomUUID().toString();
        ContactMessage.Sender citizen = new ContactMessage.Sender(null, null, null, "东华路居民", false);
        // Several consumers take one poll's messages at once: here the comment is even published first.
        queue.publish(new ContactMessage(Channel.MICROBLOG, comment, Instant.now(), citizen, null,
                "补充一下：路灯在12号楼门口", List.of(), null, "DC", null, null, null, false, false, null,
                Map.of(ContactMessage.IN_REPLY_TO, post)));
        Thread.sleep(1000);
        queue.publish(new ContactMessage(Channel.MICROBLOG, post, Instant.now(), citizen, null,
                "@8890 东华路小区路灯坏了一周了", List.of(), null, "DC", null, null, null, false, false, null, Map.of()));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && jdbc.queryForObject(
                "SELECT COUNT(*) FROM intake_contact WHERE channel = 'MICROBLOG' AND channel_message_id = ?",
                Integer.class, comment) == 0) {
            Thread.sleep(200);
        }
        assertThat(jdbc.queryForList("""
                SELECT DISTINCT case_id FROM intake_contact WHERE channel = 'MICROBLOG' AND channel_message_id IN (?, ?)""",
                Long.class, post, comment)).hasSize(1);
        assertThat(jdbc.queryForObject("""
                SELECT COUNT(*) FROM case_event e JOIN intake_contact i ON i.case_id = e.case_id
                WHERE i.channel_message_id = ? AND e.event_type = 'CONTACT_APPENDED'""", Integer.class, post)).isEqualTo(1);
    }

    @Test
    void anUnreadableContactOnRabbitMqLandsInTheAdminsDeadLetterListWithItsReason() throws InterruptedException {
        String messageId = UUID.randomUUID().toString();
        queue.publish(new ContactMessage(Channel.SMS, messageId, Instant.now(),
                new ContactMessage.Sender(null, "13900002222", null, null, false), null, "   ", List.of(), null, null,
                null, null, null, false, false, null, Map.of()));

        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline) && deadLetters.open().stream()
                .noneMatch(d -> d.channelMessageId().equals(messageId))) {
            Thread.sleep(200);
        }

        assertThat(deadLetters.open()).filteredOn(d -> d.channelMessageId().equals(messageId)).singleElement()
                .satisfies(d -> {
                    assertThat(d.channel()).isEqualTo("SMS");
                    assertThat(d.reason()).contains("neither a subject nor a text");
                });
        assertThat(contactCount(messageId)).isZero();
    }

    @Test
    void concurrentFirstIntakesOfADayNeitherDeadlockOnTheCounterNorStarveThePool() throws Exception {
        // A day no other test uses, so its counter row does not exist yet.
        CaseNumbersTest.assertNumbersOfANewDayAreOneToN(numbers, LocalDate.of(2032, 2, 29));
        CaseNumbersTest.assertConcurrentIntakesAllOpen(intake);
    }

    /** The highest V&lt;n&gt;__ migration shipped, so that a new migration needs no change here. */
    private static int latestMigration() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/V*__*.sql");
            int latest = 0;
            for (Resource file : files) {
                latest = Math.max(latest, Integer.parseInt(file.getFilename().substring(1, file.getFilename().indexOf("__"))));
            }
            return latest;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private int contactCount(String messageId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM intake_contact WHERE channel = 'SMS' AND channel_message_id = ?",
                Integer.class, messageId);
    }
}

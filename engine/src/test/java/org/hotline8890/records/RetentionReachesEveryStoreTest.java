package org.hotline8890.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hotline8890.TestCases;
import org.hotline8890.attachments.Attachment;
import org.hotline8890.attachments.AttachmentPurpose;
import org.hotline8890.attachments.CaseAttachments;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.EventHash;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The retention rule reaches every place a citizen's personal data is kept, not only the case row: the
 * event comments (with the chain still verifying), the outbox, uploaded files, Open311 locations, the
 * processed intake payloads, dead letters and queue callers' numbers.
 */
@SpringBootTest
@ActiveProfiles("test")
class RetentionReachesEveryStoreTest {

    private static final String NAME = "张三丰";
    private static final String PHONE = "13812345678";

    @Autowired PersonalDataRetention retention;
    @Autowired EventLogVerification verification;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired CaseAttachments attachments;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void anOldCaseLosesThePersonalDataInItsEventCommentsOutboxFilesAndOpen311LocationAndTheLogStillVerifies() {
        Instant longAgo = Instant.now().minus(4 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        HotlineCase old = storeAnsweredCase(longAgo);
        HotlineCase recent = storeAnsweredCase(Instant.now().minus(10, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        for (HotlineCase c : List.of(old, recent)) {
            jdbc.update("INSERT INTO citizen_notification (case_id, kind, channel, message, created_at, state, attempts, "
                    + "recipient_name, recipient_phone) VALUES (?, 'ACCEPTED', 'SMS', ?, ?, 'SENT', 1, ?, ?)",
                    c.getId(), NAME + "您好，您的诉求已受理，回电" + PHONE, Timestamp.from(c.getReceivedAt()), NAME, PHONE);
            String token = "t-" + UUID.randomUUID();
            jdbc.update("INSERT INTO intake_contact (channel, channel_message_id, received_at, case_id) VALUES ('OPEN311', ?, ?, ?)",
                    token, Timestamp.from(c.getReceivedAt()), c.getId());
            jdbc.update("INSERT INTO open311_request (token, service_code, latitude, longitude, address_string, media_url, "
                    + "submitted_at) VALUES (?, 'ENV.NOISE', 39.912345, 116.412345, '东华路12号楼3单元402室', "
                    + "'https://media.example/p.jpg', ?)", token, Timestamp.from(c.getReceivedAt()));
        }
        List<Attachment> oldFiles = transaction.execute(status -> attachments.store(old.getId(),
                List.of(new MockMultipartFile("files", "门口.jpg", "image/jpeg", "jpeg".getBytes(StandardCharsets.UTF_8))),
                AttachmentPurpose.REQUEST, "citizen"));
        transaction.execute(status -> attachments.store(recent.getId(),
                List.of(new MockMultipartFile("files", "门口.jpg", "image/jpeg", "jpeg".getBytes(StandardCharsets.UTF_8))),
                AttachmentPurpose.REQUEST, "citizen"));
        var oldFile = attachments.open(old.getId(), oldFiles.get(0).id()).orElseThrow().file();

        retention.runNow();

        // The answer's event comment is de-identified, and the chain still verifies with it.
        List<CaseEvent> timeline = events.findByCaseIdOrderByIdAsc(old.getId());
        CaseEvent answer = timeline.stream().filter(e -> e.getType() == CaseEventType.ANSWERED_DIRECTLY).findFirst().orElseThrow();
        assertThat(answer.getComment()).doesNotContain(NAME, PHONE).contains("东华路工地");
        assertThat(answer.getCommentDigest()).isEqualTo(EventHash.digest(answerText(NAME, PHONE)));
        CaseEvent removal = timeline.get(timeline.size() - 1);
        assertThat(removal.getType()).isEqualTo(CaseEventType.PERSONAL_DATA_ERASED);
        assertThat(removal.getComment()).contains("event comments de-identified", "outbox messages de-identified",
                "uploaded files removed", "Open311 locations removed");
        assertThat(removal.getRedactionsDigest()).isNotNull();
        assertThat(verification.verify().firstBreak()).isNull();

        Map<String, Object> message = jdbc.queryForMap(
                "SELECT message, recipient_name, recipient_phone FROM citizen_notification WHERE case_id = ?", old.getId());
        assertThat((String) message.get("message")).doesNotContain(NAME, PHONE).contains("已受理");
        assertThat(message.get("recipient_name")).isNull();
        assertThat(message.get("recipient_phone")).isNull();
        assertThat(open311Address(old)).isNull();
        assertThat(attachments.of(old.getId())).isEmpty();
        assertThat(oldFile).doesNotExist();

        // A recent case keeps all of it.
        assertThat(events.findByCaseIdOrderByIdAsc(recent.getId())).extracting(CaseEvent::getComment)
                .contains(answerText(NAME, PHONE));
        assertThat(jdbc.queryForObject("SELECT recipient_phone FROM citizen_notification WHERE case_id = ?",
                String.class, recent.getId())).isEqualTo(PHONE);
        assertThat(open311Address(recent)).isEqualTo("东华路12号楼3单元402室");
        assertThat(attachments.of(recent.getId())).hasSize(1);
    }

    @Test
    void aRedactedCommentChangedBehindTheAppsBackIsCaught() {
        HotlineCase old = storeAnsweredCase(Instant.now().minus(4 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        retention.runNow();
        CaseEvent answer = events.findByCaseIdOrderByIdAsc(old.getId()).stream()
                .filter(e -> e.getType() == CaseEventType.ANSWERED_DIRECTLY).findFirst().orElseThrow();
        try {
            jdbc.update("UPDATE case_event SET comment = ? WHERE id = ?", "已妥善处理，群众满意。", answer.getId());

            EventLogVerification.Report report = verification.verify();

            assertThat(report.ok()).isFalse();
            assertThat(report.firstBreak().eventId()).isEqualTo(answer.getId());
            assertThat(report.firstBreak().problem()).isEqualTo(ChainPolicy.Problem.CONTENT_CHANGED);
        } finally {
            jdbc.update("UPDATE case_event SET comment = ? WHERE id = ?", answer.getComment(), answer.getId());
        }
        assertThat(verification.verify().firstBreak()).isNull();
    }

    @Test
    void aChainHashedBeforeVersionTwoIsReLinkedWhenItsCommentsAreRedactedAndTheRemovalNamesTheFormerHead() {
        HotlineCase old = storeAnsweredCase(Instant.now().minus(4 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        String formerHead = hashAsVersionOne(old.getId());
        assertThat(verification.verify().firstBreak()).isNull();

        retention.runNow();

        List<CaseEvent> timeline = events.findByCaseIdOrderByIdAsc(old.getId());
        assertThat(timeline).allSatisfy(e -> assertThat(e.getHashVersion()).isEqualTo(2));
        assertThat(timeline.get(timeline.size() - 1).getComment()).contains("former head " + formerHead);
        assertThat(timeline).extracting(CaseEvent::getComment).noneMatch(c -> c != null && c.contains(PHONE));
        assertThat(verification.verify().firstBreak()).isNull();
    }

    @Test
    void aBrokenChainKeepsItsCommentsSoTheBreakIsNotHiddenAndTheRestIsStillRemoved() {
        HotlineCase old = storeAnsweredCase(Instant.now().minus(4 * 366, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS));
        CaseEvent answer = events.findByCaseIdOrderByIdAsc(old.getId()).stream()
                .filter(e -> e.getType() == CaseEventType.ANSWERED_DIRECTLY).findFirst().orElseThrow();
        jdbc.update("UPDATE case_event SET actor = ? WHERE id = ?", "someone-else", answer.getId());
        try {
            retention.runNow();

            HotlineCase erased = cases.findById(old.getId()).orElseThrow();
            assertThat(erased.getContact().phone()).isNull();
            List<CaseEvent> timeline = events.findByCaseIdOrderByIdAsc(old.getId());
            assertThat(timeline).filteredOn(e -> e.getId().equals(answer.getId())).extracting(CaseEvent::getComment)
                    .containsExactly(answerText(NAME, PHONE));
            assertThat(timeline.get(timeline.size() - 1).getComment())
                    .contains("event comments kept: the event log breaks at event " + answer.getId());
        } finally {
            jdbc.update("UPDATE case_event SET actor = ? WHERE id = ?", answer.getActor(), answer.getId());
        }
        assertThat(verification.verify().firstBreak()).isNull();
    }

    @Test
    void processedContactsDeadLettersAndCallerNumbersOlderThanThePeriodLoseThePersonalData() {
        Timestamp longAgo = Timestamp.from(Instant.now().minus(4 * 366, ChronoUnit.DAYS));
        Timestamp lately = Timestamp.from(Instant.now().minus(1, ChronoUnit.DAYS));
        String payload = "{\"from\":\"" + PHONE + "\",\"text\":\"" + NAME + "反映噪音\"}";
        String oldMessage = "m-" + UUID.randomUUID();
        String newMessage = "m-" + UUID.randomUUID();
        for (var m : List.of(List.of(oldMessage, longAgo), List.of(newMessage, lately))) {
            jdbc.update("INSERT INTO intake_queue_message (channel, channel_message_id, payload, state, attempts, enqueued_at, "
                    + "processed_at) VALUES ('SMS', ?, ?, 'DONE', 1, ?, ?)", m.get(0), payload, m.get(1), m.get(1));
            jdbc.update("INSERT INTO intake_dead_letter (channel, channel_message_id, payload, reason, failed_at) "
                    + "VALUES ('SMS', ?, ?, 'unreadable', ?)", m.get(0), payload, m.get(1));
        }
        String oldCall = "c-" + UUID.randomUUID();
        String newCall = "c-" + UUID.randomUUID();
        jdbc.update("INSERT INTO call_center_call (call_id, queue_name, caller_number, joined_at, outcome) VALUES (?, 'q', ?, ?, 'ANSWERED')",
                oldCall, PHONE, LocalDateTime.ofInstant(longAgo.toInstant(), ZoneOffset.UTC));
        jdbc.update("INSERT INTO call_center_call (call_id, queue_name, caller_number, joined_at, outcome) VALUES (?, 'q', ?, ?, 'ANSWERED')",
                newCall, PHONE, LocalDateTime.ofInstant(lately.toInstant(), ZoneOffset.UTC));

        try {
            PersonalDataRetention.Run run = retention.runNow();

            assertThat(jdbc.queryForObject("SELECT payload FROM intake_queue_message WHERE channel_message_id = ?", String.class, oldMessage)).isEmpty();
            assertThat(jdbc.queryForObject("SELECT payload FROM intake_queue_message WHERE channel_message_id = ?", String.class, newMessage)).isEqualTo(payload);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_dead_letter WHERE channel_message_id = ?", Integer.class, oldMessage)).isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_dead_letter WHERE channel_message_id = ?", Integer.class, newMessage)).isOne();
            assertThat(jdbc.queryForObject("SELECT caller_number FROM call_center_call WHERE call_id = ?", String.class, oldCall)).isNull();
            assertThat(jdbc.queryForObject("SELECT caller_number FROM call_center_call WHERE call_id = ?", String.class, newCall)).isEqualTo(PHONE);
            assertThat(run.otherRecords()).extracting(PersonalDataStore.Erased::what)
                    .contains("processed contact payloads cleared", "dead letters removed", "caller numbers removed from queue calls");
        } finally {
            // Other classes count dead letters and calls in this shared database.
            for (String id : List.of(oldMessage, newMessage)) {
                jdbc.update("DELETE FROM intake_queue_message WHERE channel_message_id = ?", id);
                jdbc.update("DELETE FROM intake_dead_letter WHERE channel_message_id = ?", id);
            }
            jdbc.update("DELETE FROM call_center_call WHERE call_id IN (?, ?)", oldCall, newCall);
        }
    }

    private String open311Address(HotlineCase c) {
        return jdbc.queryForObject("""
                SELECT r.address_string FROM open311_request r JOIN intake_contact i ON i.channel_message_id = r.token
                WHERE i.case_id = ? AND i.channel = 'OPEN311'""", String.class, c.getId());
    }

    /** Rewrites a case's chain the way the code before hash version 2 wrote it. */
    private String hashAsVersionOne(Long caseId) {
        jdbc.update("UPDATE case_event SET hash_version = 1 WHERE case_id = ?", caseId);
        return transaction.execute(status -> {
            String prev = EventHash.GENESIS;
            for (CaseEvent e : events.findByCaseIdOrderByIdAsc(caseId)) {
                String hash = EventHash.of(e, prev);
                jdbc.update("UPDATE case_event SET prev_hash = ?, event_hash = ? WHERE id = ?", prev, hash, e.getId());
                prev = hash;
            }
            jdbc.update("UPDATE case_event_chain SET last_hash = ? WHERE case_id = ?", prev, caseId);
            return prev;
        });
    }

    private static String answerText(String name, String phone) {
        return "已联系东华路工地，夜间停工。来电人" + name + "，电话" + phone + "。";
    }

    private HotlineCase storeAnsweredCase(Instant at) {
        String number = numbers.next(at);
        HotlineCase c = HotlineCase.receive(TestCases.noiseComplaint(at), number,
                queryCodes.hash(number, queryCodes.newCode()), "agent");
        c.answerDirectly(answerText(NAME, PHONE), "agent", at.plusSeconds(60));
        return cases.save(c);
    }
}

package org.hotline8890.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.channels.Channel;
import org.hotline8890.channels.ContactMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The embedded default's durable intake queue on the real H2 database and the real beans: what is
 * set aside as dead at once, what is retried, and that a contact is never lost or made twice.
 */
@SpringBootTest
// Unused here, but it makes the configuration the API tests' own, so Spring starts one context for all.
@AutoConfigureMockMvc
@ActiveProfiles("test")
class InProcessIntakeQueueTest {

    @Autowired InProcessIntakeQueue queue;
    @Autowired DeadLetters deadLetters;
    @Autowired IntakeSettings settings;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired CaseRepository cases;
    @Autowired CaseNumbers numbers;
    @Autowired TransactionTemplate tx;
    @Autowired ContactCodec codec;
    @Autowired IntakeService intake;
    @Autowired Clock clock;
    @Autowired HotlineProperties properties;

    @BeforeEach
    void startFromAnEmptyQueue() {
        // Whatever another test may have left pending is handled now, so each test drains only its own.
        while (queue.drain() > 0) {
            // keep draining
        }
    }

    @Test
    void aContactWithNeitherSubjectNorTextIsSetAsideAsDeadAtOnceAndMakesNoCase() {
        long casesBefore = cases.count();
        ContactMessage empty = contact(null, "   ", Instant.now());

        queue.publish(empty);
        queue.drain();

        QueuedRow row = queued(empty);
        assertThat(row.state()).isEqualTo("DEAD");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isEqualTo("the contact has neither a subject nor a text");
        // Dead is final: a later drain does not try it again.
        assertThat(queue.drain()).isZero();
        assertThat(queued(empty).attempts()).isEqualTo(1);
        assertThat(caseNumbersFor(empty)).isEmpty();
        assertThat(cases.count()).isEqualTo(casesBefore);
    }

    @Test
    void aTransientFailureIsRetriedAndTheContactBecomesOneCaseOnceItClears() throws Exception {
        ContactMessage contact = contact(null, "小区门口路灯坏了一周了", Instant.parse("2024-07-01T02:00:00Z"));
        queue.publish(contact);

        // Another transaction (another engine node opening a case the same day) holds the day's
        // case-number counter: this intake cannot get a number and waits until the lock times out.
        try (Connection other = lockCaseNumberCounterOf(contact)) {
            queue.drain();
            QueuedRow failed = queued(contact);
            assertThat(failed.state()).isEqualTo("PENDING");
            assertThat(failed.attempts()).isEqualTo(1);
            assertThat(failed.lastError()).containsIgnoringCase("lock").contains("case_number_counter");
            assertThat(caseNumbersFor(contact)).isEmpty();
            other.rollback();
        }

        queue.drain();

        QueuedRow done = queued(contact);
        assertThat(done.state()).isEqualTo("DONE");
        assertThat(done.attempts()).as("the failed attempt stays on record").isEqualTo(1);
        assertThat(caseNumbersFor(contact)).hasSize(1);
    }

    @Test
    void aContactThatKeepsFailingIsSetAsideAsDeadOnlyAfterTheConfiguredAttempts() throws Exception {
        int maxAttempts = settings.maxAttempts();
        assertThat(maxAttempts).as("hotline.intake.max-attempts").isGreaterThan(1);
        ContactMessage contact = contact(null, "楼道灯不亮", Instant.parse("2024-07-02T02:00:00Z"));
        queue.publish(contact);

        try (Connection other = lockCaseNumberCounterOf(contact)) {
            for (int attempt = 1; attempt < maxAttempts; attempt++) {
                queue.drain();
                assertThat(queued(contact).state()).as("after attempt " + attempt).isEqualTo("PENDING");
                assertThat(queued(contact).attempts()).isEqualTo(attempt);
            }
            queue.drain();
            QueuedRow dead = queued(contact);
            assertThat(dead.state()).isEqualTo("DEAD");
            assertThat(dead.attempts()).isEqualTo(maxAttempts);
            assertThat(dead.lastError()).contains("case_number_counter");
            other.rollback();
        }

        // Set aside means set aside: with the lock gone it is still not picked up again.
        assertThat(queue.drain()).isZero();
        assertThat(caseNumbersFor(contact)).isEmpty();
    }

    @Test
    void theSameContactPublishedTwiceMakesOneQueuedRowAndOneCase() {
        ContactMessage contact = contact("垃圾清运不及时", "小区垃圾三天没有清运", Instant.now());

        queue.publish(contact);
        queue.publish(contact);
        assertThat(rowsFor(contact)).isEqualTo(1);
        queue.drain();
        // A channel delivering it once more after it became a case (a redelivery after a crash).
        queue.publish(contact);
        queue.drain();

        assertThat(rowsFor(contact)).isEqualTo(1);
        assertThat(queued(contact).state()).isEqualTo("DONE");
        assertThat(caseNumbersFor(contact)).hasSize(1);
    }

    @Test
    void aPublishedContactWaitsDurablyInTheTableAndDrainingMakesExactlyOneCase() {
        long casesBefore = cases.count();
        ContactMessage contact = contact("占道经营", "东华路早市摊贩占用盲道", Instant.now());

        queue.publish(contact);

        // Committed by publish itself: the row is there for any connection, and nothing else yet.
        QueuedRow waiting = queued(contact);
        assertThat(waiting.state()).isEqualTo("PENDING");
        assertThat(waiting.attempts()).isZero();
        assertThat(caseNumbersFor(contact)).isEmpty();
        assertThat(cases.count()).isEqualTo(casesBefore);

        // A queue built afresh, as after a restart, holds nothing in memory: the table is enough.
        InProcessIntakeQueue afterRestart = new InProcessIntakeQueue(jdbc, tx, codec, intake, settings, deadLetters, clock);
        assertThat(afterRestart.drain()).isEqualTo(1);

        assertThat(queued(contact).state()).isEqualTo("DONE");
        List<String> made = caseNumbersFor(contact);
        assertThat(made).hasSize(1);
        HotlineCase c = cases.findByCaseNumber(made.get(0)).orElseThrow();
        assertThat(c.getSubject()).isEqualTo("占道经营");
        assertThat(c.getContent()).isEqualTo("东华路早市摊贩占用盲道");
        assertThat(cases.count()).isEqualTo(casesBefore + 1);
        assertThat(afterRestart.drain()).isZero();
    }

    private record QueuedRow(String state, int attempts, String lastError) {
    }

    private static ContactMessage contact(String subject, String text, Instant receivedAt) {
        return new ContactMessage(Channel.SMS, UUID.randomUUID().toString(), receivedAt,
                new ContactMessage.Sender(null, "13900001111", null, null, false), subject, text, List.of(),
                null, "DC", null, null, null, false, true, null, Map.of());
    }

    private QueuedRow queued(ContactMessage contact) {
        return jdbc.queryForObject("""
                SELECT state, attempts, last_error FROM intake_queue_message
                WHERE channel = ? AND channel_message_id = ?""",
                (rs, i) -> new QueuedRow(rs.getString(1), rs.getInt(2), rs.getString(3)),
                contact.channel().name(), contact.channelMessageId());
    }

    private int rowsFor(ContactMessage contact) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM intake_queue_message WHERE channel = ? AND channel_message_id = ?",
                Integer.class, contact.channel().name(), contact.channelMessageId());
    }

    private List<String> caseNumbersFor(ContactMessage contact) {
        return jdbc.queryForList("""
                SELECT c.case_number FROM intake_contact i JOIN hotline_case c ON c.id = i.case_id
                WHERE i.channel = ? AND i.channel_message_id = ?""",
                String.class, contact.channel().name(), contact.channelMessageId());
    }

    /**
     * Opens a transaction on its own connection that takes the next case number of the contact's day
     * and does not commit yet, as a busy second engine node would: it holds that counter row's lock.
     */
    private Connection lockCaseNumberCounterOf(ContactMessage contact) throws Exception {
        numbers.next(contact.receivedAt()); // makes sure the day's counter row exists
        String day = DateTimeFormatter.ofPattern("yyyyMMdd").format(contact.receivedAt().atZone(properties.zone()));
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE case_number_counter SET last_value = last_value + 1 WHERE day_key = ?")) {
            update.setString(1, day);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        return connection;
    }
}

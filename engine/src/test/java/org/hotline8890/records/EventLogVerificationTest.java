package org.hotline8890.records;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hotline8890.TestCases;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseNumbers;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.EventChainHeadRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.QueryCodes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event log is tamper-evident: rows changed or removed behind the application's back are named
 * by the verification. Each test that tampers puts the row back, because the verification walks the
 * whole log that every test in this database shares.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class EventLogVerificationTest {

    @Autowired MockMvc mvc;
    @Autowired EventLogVerification verification;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired EventChainHeadRepository heads;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired JdbcTemplate jdbc;
    @Autowired TransactionTemplate transaction;

    @Test
    void anUntouchedLogVerifiesForTheAdmin() throws Exception {
        storeAnsweredCase();

        mvc.perform(get("/api/admin/event-log/verify").with(httpBasic("admin", "demo")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.firstBreak").doesNotExist());
    }

    @Test
    void onlyAnAdminMayVerifyTheLog() throws Exception {
        mvc.perform(get("/api/admin/event-log/verify").with(httpBasic("supervisor", "demo"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/admin/event-log/verify")).andExpect(status().isUnauthorized());
    }

    @Test
    void aCommentChangedWithPlainJdbcIsCaughtAndTheEventNamed() throws Exception {
        HotlineCase c = storeAnsweredCase();
        CaseEvent answer = events.findByCaseIdOrderByIdAsc(c.getId()).get(1);
        try {
            jdbc.update("UPDATE case_event SET comment = ? WHERE id = ?", "已妥善处理", answer.getId());

            mvc.perform(get("/api/admin/event-log/verify").with(httpBasic("admin", "demo")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.ok").value(false))
                    .andExpect(jsonPath("$.firstBreak.caseNumber").value(c.getCaseNumber()))
                    .andExpect(jsonPath("$.firstBreak.eventId").value(answer.getId()))
                    .andExpect(jsonPath("$.firstBreak.problem").value("CONTENT_CHANGED"));
        } finally {
            jdbc.update("UPDATE case_event SET comment = ? WHERE id = ?", answer.getComment(), answer.getId());
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aDeletedEventIsCaughtWithTheEventAfterTheGapNamed() {
        HotlineCase c = storeAnsweredCase();
        c = addContacts(c, 1);
        List<CaseEvent> log = events.findByCaseIdOrderByIdAsc(c.getId());
        CaseEvent answer = log.get(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM case_event WHERE id = ?", answer.getId());
        try {
            jdbc.update("DELETE FROM case_event WHERE id = ?", answer.getId());

            EventLogVerification.Report report = verification.verify();
            assertThat(report.ok()).isFalse();
            assertThat(report.firstBreak()).isEqualTo(new EventLogVerification.BrokenLink(
                    c.getCaseNumber(), log.get(2).getId(), ChainPolicy.Problem.EVENT_REMOVED));
        } finally {
            putBack(row);
        }
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void removingACaseLastEventIsCaughtByItsChainHead() {
        HotlineCase c = storeAnsweredCase();
        CaseEvent last = events.findByCaseIdOrderByIdAsc(c.getId()).get(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM case_event WHERE id = ?", last.getId());
        try {
            jdbc.update("DELETE FROM case_event WHERE id = ?", last.getId());

            assertThat(verification.verify().firstBreak()).isEqualTo(new EventLogVerification.BrokenLink(
                    c.getCaseNumber(), last.getId(), ChainPolicy.Problem.EVENT_REMOVED));
        } finally {
            putBack(row);
        }
    }

    @Test
    void twoWritersRecordingForOneCaseAtOnceDoNotForkItsChain() throws Exception {
        HotlineCase c = storeAnsweredCase();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> writer = () -> {
                addContacts(c, 10);
                return null;
            };
            List<Future<Void>> done = pool.invokeAll(List.of(writer, writer));
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(heads.findByCaseId(c.getId()).orElseThrow().getEventCount()).isEqualTo(22);
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId())).hasSize(22);
        assertThat(verification.verify().ok()).isTrue();
    }

    private HotlineCase storeAnsweredCase() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String number = numbers.next(at);
        HotlineCase c = HotlineCase.receive(TestCases.noiseComplaint(at), number,
                queryCodes.hash(number, queryCodes.newCode()), "agent");
        c.answerDirectly("已转告施工单位，夜间停工。", "agent", at.plusSeconds(60));
        return cases.save(c);
    }

    /** Each contact in its own transaction, as separate intake messages would arrive. */
    private HotlineCase addContacts(HotlineCase c, int count) {
        HotlineCase latest = c;
        for (int i = 0; i < count; i++) {
            latest = transaction.execute(status -> {
                HotlineCase loaded = cases.findById(c.getId()).orElseThrow();
                loaded.appendContact("市民补充说明", "citizen", Instant.now());
                return cases.save(loaded);
            });
        }
        return latest;
    }

    private void putBack(Map<String, Object> row) {
        jdbc.update("""
                INSERT INTO case_event (id, case_id, occurred_at, event_type, actor, from_status, to_status,
                                        department_id, comment, prev_hash, event_hash, hash_version, comment_digest,
                                        redactions_digest)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                row.get("ID"), row.get("CASE_ID"), row.get("OCCURRED_AT"), row.get("EVENT_TYPE"), row.get("ACTOR"),
                row.get("FROM_STATUS"), row.get("TO_STATUS"), row.get("DEPARTMENT_ID"), row.get("COMMENT"),
                row.get("PREV_HASH"), row.get("EVENT_HASH"), row.get("HASH_VERSION"), row.get("COMMENT_DIGEST"),
                row.get("REDACTIONS_DIGEST"));
    }
}

package org.hotline8890.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.hotline8890.TestCases;
import org.hotline8890.records.EventLogVerification;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** Events recorded before the chain existed (migration V9) join it, so the whole log verifies. */
@SpringBootTest
@ActiveProfiles("test")
class EarlierEventsJoinTheChainTest {

    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired EventChainHeadRepository heads;
    @Autowired CaseNumbers numbers;
    @Autowired QueryCodes queryCodes;
    @Autowired EarlierEventSealer sealer;
    @Autowired EventLogVerification verification;
    @Autowired TransactionTemplate transaction;
    @Autowired JdbcTemplate jdbc;

    @Test
    void eventsWithoutHashesAreLinkedAtStartUpAndVerify() {
        HotlineCase c = storeAnsweredCase();
        unseal(c);

        sealer.run(null);

        assertThat(events.findByCaseIdOrderByIdAsc(c.getId())).allMatch(e -> e.getHash() != null);
        assertThat(heads.findByCaseId(c.getId()).orElseThrow().getEventCount()).isEqualTo(2);
        assertThat(verification.verify().ok()).isTrue();
    }

    @Test
    void aNewEventOnACaseFromBeforeTheChainLinksItsEarlierEventsFirst() {
        HotlineCase c = storeAnsweredCase();
        unseal(c);

        transaction.executeWithoutResult(status -> {
            HotlineCase loaded = cases.findById(c.getId()).orElseThrow();
            loaded.appendContact("市民补充说明", "citizen", Instant.now());
            cases.save(loaded);
        });

        assertThat(heads.findByCaseId(c.getId()).orElseThrow().getEventCount()).isEqualTo(3);
        assertThat(verification.verify().ok()).isTrue();
    }

    /** What the log of a case looked like before V9: no hashes, no head. */
    private void unseal(HotlineCase c) {
        jdbc.update("UPDATE case_event SET prev_hash = NULL, event_hash = NULL WHERE case_id = ?", c.getId());
        jdbc.update("DELETE FROM case_event_chain WHERE case_id = ?", c.getId());
    }

    private HotlineCase storeAnsweredCase() {
        Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String number = numbers.next(at);
        HotlineCase c = HotlineCase.receive(TestCases.noiseComplaint(at), number,
                queryCodes.hash(number, queryCodes.newCode()), "agent");
        c.answerDirectly("已转告施工单位，夜间停工。", "agent", at.plusSeconds(60));
        return cases.save(c);
    }
}

package org.hotline8890.cases;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, links the events recorded before the chain existed into their cases' chains, so the
 * whole log verifies. One transaction per case. Nodes starting together may race for the same case:
 * the one whose head insert loses has nothing left to do, because the other sealed it.
 */
@Component
class EarlierEventSealer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(EarlierEventSealer.class);

    private final JdbcTemplate jdbc;
    private final EventChain chain;
    private final TransactionTemplate transaction;

    EarlierEventSealer(JdbcTemplate jdbc, EventChain chain, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.chain = chain;
        this.transaction = transaction;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<Long> unsealed = jdbc.queryForList("""
                SELECT DISTINCT e.case_id FROM case_event e
                WHERE e.event_hash IS NULL
                  AND NOT EXISTS (SELECT 1 FROM case_event_chain h WHERE h.case_id = e.case_id)
                ORDER BY e.case_id""", Long.class);
        for (Long caseId : unsealed) {
            try {
                transaction.executeWithoutResult(status -> chain.lockOrStart(caseId));
            } catch (DataIntegrityViolationException sealedByAnotherNode) {
                log.debug("case {} was sealed by another node", caseId, sealedByAnotherNode);
            }
        }
        if (!unsealed.isEmpty()) {
            log.info("Linked the earlier events of {} cases into the tamper-evident event log", unsealed.size());
        }
    }
}

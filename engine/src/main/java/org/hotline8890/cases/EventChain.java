package org.hotline8890.cases;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Appends events to their case's chain. One chain per case rather than one over the whole log: a
 * single global head would make every intake on every node wait for the same row. The head row
 * ({@link EventChainHead}) is locked for the rest of the transaction, so events of one case get their
 * ids and links in one order, and a whole case's chain cannot vanish unnoticed.
 */
@Component
class EventChain {

    private static final Logger log = LoggerFactory.getLogger(EventChain.class);

    private final EventChainHeadRepository heads;
    private final CaseEventRepository events;
    private final JdbcTemplate jdbc;

    EventChain(EventChainHeadRepository heads, CaseEventRepository events, JdbcTemplate jdbc) {
        this.heads = heads;
        this.events = events;
        this.jdbc = jdbc;
    }

    void append(CaseChanged change) {
        // A case's first event is recorded in the transaction that creates the case: nothing can be
        // before it, and no other transaction can see the case to write to its chain yet.
        EventChainHead head = change.type() == CaseEventType.RECEIVED
                ? heads.save(new EventChainHead(change.caseId()))
                : lockOrStart(change.caseId());
        // The event recording a removal pins the comments redacted before it (CommentRedaction).
        String redactions = change.type() == CaseEventType.PERSONAL_DATA_ERASED ? redactionsOf(change.caseId()) : null;
        CaseEvent event = events.save(new CaseEvent(change, head.getLastHash(), redactions));
        head.advanceTo(event.getId(), event.getHash());
        heads.save(head);
    }

    /** Read with plain SQL: the redaction changed these rows behind the persistence context. */
    String redactionsOf(Long caseId) {
        return EventHash.redactions(jdbc.query(
                "SELECT id, comment FROM case_event WHERE case_id = ? AND comment_digest IS NOT NULL ORDER BY id",
                (rs, n) -> new EventHash.RedactedComment(rs.getLong(1), rs.getString(2)), caseId));
    }

    /**
     * The case's locked head; for a case without one, a new chain that first takes in the events
     * recorded before chains existed (migration V9), in their order.
     */
    EventChainHead lockOrStart(Long caseId) {
        return heads.lockByCaseId(caseId).orElseGet(() -> heads.save(startWithEarlierEvents(caseId)));
    }

    private EventChainHead startWithEarlierEvents(Long caseId) {
        EventChainHead head = new EventChainHead(caseId);
        List<CaseEvent> earlier = events.findByCaseIdOrderByIdAsc(caseId);
        if (earlier.stream().anyMatch(e -> e.getHash() != null)) {
            // Hashed events without a head: the head was removed. Re-sealing would hide that, so
            // the new chain starts afresh and the verification reports the break.
            log.warn("case {} has hashed events but no chain head; the event log verification will report it", caseId);
            return head;
        }
        for (CaseEvent event : earlier) {
            String hash = EventHash.of(event, head.getLastHash());
            jdbc.update("UPDATE case_event SET prev_hash = ?, event_hash = ? WHERE id = ? AND event_hash IS NULL",
                    head.getLastHash(), hash, event.getId());
            head.advanceTo(event.getId(), hash);
        }
        return head;
    }
}

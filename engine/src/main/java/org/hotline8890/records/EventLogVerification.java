package org.hotline8890.records;

import java.util.List;
import java.util.Optional;

import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.EventChainHeadRepository;
import org.hotline8890.cases.EventHash;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Walks every case's event chain, case by case, and reports the first broken link. Events are read
 * through the same mapping that wrote them, so the hash is recomputed over exactly what was hashed.
 */
@Service
public class EventLogVerification {

    /** {@code firstBreak} is null when the whole log verifies. */
    public record Report(boolean ok, long casesChecked, long eventsChecked, BrokenLink firstBreak) {
    }

    public record BrokenLink(String caseNumber, Long eventId, ChainPolicy.Problem problem) {
    }

    private record CaseRef(long id, String caseNumber) {
    }

    private final JdbcTemplate jdbc;
    private final CaseEventRepository events;
    private final EventChainHeadRepository heads;
    private final TransactionTemplate readOnly;

    EventLogVerification(JdbcTemplate jdbc, CaseEventRepository events, EventChainHeadRepository heads,
                         TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.events = events;
        this.heads = heads;
        this.readOnly = new TransactionTemplate(transaction.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    public Report verify() {
        List<CaseRef> cases = jdbc.query("SELECT id, case_number FROM hotline_case ORDER BY id",
                (rs, n) -> new CaseRef(rs.getLong(1), rs.getString(2)));
        long eventsChecked = 0;
        long casesChecked = 0;
        for (CaseRef c : cases) {
            // One short transaction per case keeps a long log from filling one persistence context.
            CaseResult result = readOnly.execute(status -> check(c));
            casesChecked++;
            eventsChecked += result.events();
            if (result.broken().isPresent()) {
                ChainPolicy.Break b = result.broken().get();
                return new Report(false, casesChecked, eventsChecked, new BrokenLink(c.caseNumber(), b.eventId(), b.problem()));
            }
        }
        return new Report(true, casesChecked, eventsChecked, null);
    }

    private record CaseResult(int events, Optional<ChainPolicy.Break> broken) {
    }

    private CaseResult check(CaseRef c) {
        List<CaseEvent> chain = events.findByCaseIdOrderByIdAsc(c.id());
        return new CaseResult(chain.size(), firstBreak(c.id(), chain));
    }

    /** The first break of one case's chain, in the caller's transaction (the retention's, head locked). */
    Optional<ChainPolicy.Break> firstBreakOf(Long caseId) {
        return firstBreak(caseId, events.findByCaseIdOrderByIdAsc(caseId));
    }

    private Optional<ChainPolicy.Break> firstBreak(Long caseId, List<CaseEvent> chain) {
        List<ChainPolicy.Link> links = chain.stream().map(EventLogVerification::link).toList();
        ChainPolicy.Head head = heads.findByCaseId(caseId)
                .map(h -> new ChainPolicy.Head(h.getEventCount(), h.getLastEventId(), h.getLastHash())).orElse(null);
        Optional<ChainPolicy.Break> broken = ChainPolicy.firstBreak(links, head);
        if (broken.isPresent()) {
            return broken;
        }
        List<EventHash.RedactedComment> redacted = chain.stream().filter(e -> e.getCommentDigest() != null)
                .map(e -> new EventHash.RedactedComment(e.getId(), e.getComment())).toList();
        String pinned = chain.stream().map(CaseEvent::getRedactionsDigest).filter(d -> d != null)
                .reduce((first, second) -> second).orElse(null);
        return ChainPolicy.redactionBreak(redacted, pinned);
    }

    private static ChainPolicy.Link link(CaseEvent e) {
        return new ChainPolicy.Link(e.getId(), e.getPrevHash(), e.getHash(), EventHash.of(e, e.getPrevHash()));
    }
}

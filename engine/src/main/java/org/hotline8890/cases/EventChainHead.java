package org.hotline8890.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of one case's event chain: how many events it holds and the last one's hash. A writer
 * locks this row, so two nodes recording events for the same case take turns instead of forking it.
 */
@Entity
@Table(name = "case_event_chain")
public class EventChainHead {

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "event_count")
    private long eventCount;
    @Column(name = "last_event_id")
    private Long lastEventId;
    @Column(name = "last_hash")
    private String lastHash;

    protected EventChainHead() {
    }

    EventChainHead(Long caseId) {
        this.caseId = caseId;
        this.lastHash = EventHash.GENESIS;
    }

    void advanceTo(Long eventId, String hash) {
        this.eventCount++;
        this.lastEventId = eventId;
        this.lastHash = hash;
    }

    /** The chain was re-linked from its first event on; it holds the same events. */
    void relinkedTo(String hash) {
        this.lastHash = hash;
    }

    public Long getCaseId() {
        return caseId;
    }

    public long getEventCount() {
        return eventCount;
    }

    public Long getLastEventId() {
        return lastEventId;
    }

    public String getLastHash() {
        return lastHash;
    }
}

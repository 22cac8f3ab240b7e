package org.hotline8890.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

import org.springframework.data.domain.Persistable;

/**
 * The end of one case's event chain: how many events it holds and the last one's hash. A writer
 * locks this row, so two nodes recording events for the same case take turns instead of forking it.
 */
@Entity
@Table(name = "case_event_chain")
public class EventChainHead implements Persistable<Long> {

    @Id
    @Column(name = "case_id")
    private Long caseId;
    @Column(name = "event_count")
    private long eventCount;
    @Column(name = "last_event_id")
    private Long lastEventId;
    @Column(name = "last_hash")
    private String lastHash;
    /**
     * A head made here and not stored yet. The id is the case's, assigned, so without this Spring Data
     * would merge it: one more SELECT in every intake to find the row that cannot exist yet.
     */
    @Transient
    private boolean fresh;

    protected EventChainHead() {
    }

    EventChainHead(Long caseId) {
        this.caseId = caseId;
        this.lastHash = EventHash.GENESIS;
        this.fresh = true;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.fresh = false;
    }

    @Override
    public Long getId() {
        return caseId;
    }

    @Override
    public boolean isNew() {
        return fresh;
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

package org.hotline8890.cases;

import java.util.List;
import java.util.Optional;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

public interface EventChainHeadRepository extends Repository<EventChainHead, Long> {

    EventChainHead save(EventChainHead head);

    Optional<EventChainHead> findByCaseId(Long caseId);

    /** Held until the transaction ends: the next event of this case waits for this one. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select h from EventChainHead h where h.caseId = :caseId")
    Optional<EventChainHead> lockByCaseId(@Param("caseId") Long caseId);
}

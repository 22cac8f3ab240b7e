package org.hotline8890.cases;

import java.util.List;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.data.repository.Repository;

/** Append-only by construction: no update or delete methods. */
public interface CaseEventRepository extends Repository<CaseEvent, Long> {

    CaseEvent save(CaseEvent event);

    // A JPQL string, translated once; see CaseRepository.findByCaseNumber.
    @Query("select e from CaseEvent e where e.caseId = :caseId order by e.id")
    List<CaseEvent> findByCaseIdOrderByIdAsc(@Param("caseId") Long caseId);

    @Query("""
            select new org.hotline8890.cases.TimelineStep(e.occurredAt, e.type, e.fromStatus, e.toStatus)
            from CaseEvent e where e.caseId = :caseId order by e.id""")
    List<TimelineStep> findTimelineSteps(@Param("caseId") Long caseId);
}

package org.hotline8890.cases;

import java.util.List;

import org.springframework.data.repository.Repository;

/** Append-only by construction: no update or delete methods. */
public interface CaseEventRepository extends Repository<CaseEvent, Long> {

    CaseEvent save(CaseEvent event);

    List<CaseEvent> findByCaseIdOrderByIdAsc(Long caseId);
}

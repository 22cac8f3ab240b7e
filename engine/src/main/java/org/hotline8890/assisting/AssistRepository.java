package org.hotline8890.assisting;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AssistRepository extends JpaRepository<CaseAssist, Long> {

    /** Every assist of a case, oldest first: the case page lists them all, ended ones included. */
    List<CaseAssist> findByCaseIdOrderByIdAsc(Long caseId);

    /** The assist a unit is still working on for a case: at most one is active per case and unit. */
    default Optional<CaseAssist> findActive(Long caseId, Long unitId) {
        return findByCaseIdAndUnitIdAndStateIn(caseId, unitId, AssistState.active()).stream().findFirst();
    }

    List<CaseAssist> findByCaseIdAndUnitIdAndStateIn(Long caseId, Long unitId, Collection<AssistState> states);

    /** Whether one of the units has (or had) a part in the case that still lets it read the case. */
    boolean existsByCaseIdAndUnitIdInAndStateIn(Long caseId, Collection<Long> unitIds, Collection<AssistState> states);

    /** "Cases I assist": the units' assists still owed, the nearest deadline first. */
    @Query("""
            select a from CaseAssist a
            where a.unitId in :units and a.state in :states
            order by case when a.state = org.hotline8890.assisting.AssistState.REQUESTED then a.signBy else a.contributeBy end asc
            """)
    List<CaseAssist> findOwedBy(@Param("units") Collection<Long> units, @Param("states") Collection<AssistState> states);

    /** Declines the center has not dealt with yet, oldest first. */
    @Query("""
            select a from CaseAssist a
            where a.state = org.hotline8890.assisting.AssistState.DECLINED and a.settledAt is null
            order by a.declinedAt asc
            """)
    List<CaseAssist> findDeclinesAwaitingCenter();

    /** The population of the assisting figures: assists requested in {@code [from, to)}. */
    List<CaseAssist> findByRequestedAtGreaterThanEqualAndRequestedAtLessThan(Instant from, Instant to);
}

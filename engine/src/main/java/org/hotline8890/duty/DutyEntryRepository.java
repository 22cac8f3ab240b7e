package org.hotline8890.duty;

import java.time.Instant;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface DutyEntryRepository extends JpaRepository<DutyEntry, Long> {

    /** Shifts of a unit in a role covering {@code at}, the latest-starting first (it took over). */
    @Query("""
            select e from DutyEntry e
            where e.orgUnitId = :unit and e.role = :role and e.startsAt <= :at and e.endsAt > :at
            order by e.startsAt desc, e.id desc""")
    List<DutyEntry> covering(@Param("unit") Long unit, @Param("role") DutyRole role, @Param("at") Instant at);

    @Query("""
            select e from DutyEntry e
            where e.role = :role and e.startsAt <= :at and e.endsAt > :at
            order by e.startsAt desc, e.id desc""")
    List<DutyEntry> anyCovering(@Param("role") DutyRole role, @Param("at") Instant at);

    List<DutyEntry> findByOrgUnitIdAndEndsAtAfterOrderByStartsAtAsc(Long orgUnitId, Instant after);

    List<DutyEntry> findByEndsAtAfterOrderByStartsAtAsc(Instant after);
}

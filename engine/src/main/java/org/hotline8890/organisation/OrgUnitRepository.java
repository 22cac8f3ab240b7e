package org.hotline8890.organisation;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OrgUnitRepository extends JpaRepository<OrgUnit, Long> {

    // Written out, not derived from the name: Spring Data builds a derived query as a new criteria
    // query on every call, which Hibernate translates to SQL every time (a tenth of an intake's CPU in
    // the profile, docs/benchmarks.md); a JPQL string is translated once and its plan cached.
    @Query("select u from OrgUnit u where u.code = :code")
    Optional<OrgUnit> findByCode(@Param("code") String code);

    List<OrgUnit> findByPathStartingWith(String pathPrefix);

    @Query("select u from OrgUnit u where u.parentId is null")
    List<OrgUnit> findByParentIdIsNull();
}

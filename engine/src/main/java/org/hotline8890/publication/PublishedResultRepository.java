package org.hotline8890.publication;

import java.time.Instant;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PublishedResultRepository extends JpaRepository<PublishedResult, Long> {

    boolean existsByCaseId(Long caseId);

    @Query("""
            select p from PublishedResult p
            where (:district is null or p.districtCode = :district)
              and (:category is null or p.categoryCode = :category or p.categoryCode like concat(:category, '.%'))
              and (:from is null or p.closedAt >= :from)
              and (:to is null or p.closedAt < :to)
            order by p.closedAt desc
            """)
    Page<PublishedResult> search(@Param("district") String district, @Param("category") String category,
                                 @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}

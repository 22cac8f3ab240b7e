package org.hotline8890.publication;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PublishedResultRepository extends JpaRepository<PublishedResult, Long> {

    boolean existsByCaseId(Long caseId);

    Optional<PublishedResult> findByCaseId(Long caseId);

    Optional<PublishedResult> findByCaseNumber(String caseNumber);

    List<PublishedResult> findByReviewStateOrderByClosedAtAsc(ReviewState state);

    @Query("""
            select p from PublishedResult p
            where p.reviewState = org.hotline8890.publication.ReviewState.PUBLISHED
              and (:district is null or p.districtCode = :district)
              and (:category is null or p.categoryCode = :category or p.categoryCode like concat(:category, '.%'))
              and (:from is null or p.closedAt >= :from)
              and (:to is null or p.closedAt < :to)
            order by p.closedAt desc
            """)
    /** Only what has been published: results waiting for review or withheld are never public. */
    Page<PublishedResult> search(@Param("district") String district, @Param("category") String category,
                                 @Param("from") Instant from, @Param("to") Instant to, Pageable page);
}

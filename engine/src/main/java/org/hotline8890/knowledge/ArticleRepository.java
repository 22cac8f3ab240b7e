package org.hotline8890.knowledge;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface ArticleRepository extends JpaRepository<Article, Long> {

    /** Neither the version nor {@code updated_at} moves: a use changes nothing indexed, and must not conflict. */
    @Modifying
    @Query("update Article a set a.useCount = a.useCount + 1 where a.id = :id")
    int countUse(long id);

    List<Article> findByUpdatedAtGreaterThanEqual(Instant since);

    List<Article> findByStatusOrderByUpdatedAtAsc(ArticleStatus status);

    List<Article> findByStatusAndOwnerUnitIdInOrderByUpdatedAtAsc(ArticleStatus status, Collection<Long> units);

    @Query("select a from Article a where a.status = org.hotline8890.knowledge.ArticleStatus.APPROVED"
            + " and a.validUntil is not null and a.validUntil < :today")
    List<Article> findApprovedPast(LocalDate today);

    @Query("select a from Article a where a.status in (org.hotline8890.knowledge.ArticleStatus.APPROVED,"
            + " org.hotline8890.knowledge.ArticleStatus.EXPIRED) and a.validUntil is not null"
            + " and a.validUntil <= :horizon order by a.validUntil")
    List<Article> findExpiringBy(LocalDate horizon);
}

package org.hotline8890.cases;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseTransferRepository extends JpaRepository<CaseTransfer, Long> {

    /** A case's transfers, the first first. */
    List<CaseTransfer> findByCaseIdOrderByIdAsc(Long caseId);

    Optional<CaseTransfer> findFirstByCaseIdOrderByIdDesc(Long caseId);

    /** Whether the case was ever transferred out of or into the region: both sides keep reading it. */
    @Query("select count(t) > 0 from CaseTransfer t where t.caseId = :caseId and (t.fromRegion = :region or t.toRegion = :region)")
    boolean involves(@Param("caseId") Long caseId, @Param("region") String region);

    boolean existsByCaseIdAndToRegionAndRefusedAtIsNotNull(Long caseId, String toRegion);

    /** The cases a region sent away, the latest transfer first (a case sent twice appears once per transfer). */
    List<CaseTransfer> findTop100ByFromRegionOrderByTransferredAtDesc(String fromRegion);

    List<CaseTransfer> findTop100ByToRegionOrderByTransferredAtDesc(String toRegion);

    /** Transfers a region refused back in a period (by the date of the refusal). */
    @Query("select count(t) from CaseTransfer t where t.toRegion = :region and t.refusedAt >= :from and t.refusedAt < :to")
    long countRefusedBetween(@Param("region") String region, @Param("from") Instant from, @Param("to") Instant to);

    @Query("select t from CaseTransfer t where t.transferredAt >= :from and t.transferredAt < :to")
    List<CaseTransfer> findTransferredBetween(@Param("from") Instant from, @Param("to") Instant to);
}

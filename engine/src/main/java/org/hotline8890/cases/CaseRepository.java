package org.hotline8890.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CaseRepository extends JpaRepository<HotlineCase, Long> {

    // Written out, not derived from the name: Spring Data builds a derived query as a new criteria
    // query on every call, which Hibernate translates to SQL every time (a tenth of an intake's CPU in
    // the profile, docs/benchmarks.md); a JPQL string is translated once and its plan cached.
    @Query("select c from HotlineCase c where c.caseNumber = :caseNumber")
    Optional<HotlineCase> findByCaseNumber(@Param("caseNumber") String caseNumber);

    @Query("""
            select new org.hotline8890.cases.CitizenCaseRow(c.id, c.caseNumber, c.queryCodeHash, c.status, c.type,
                c.subject, c.departmentId, c.receivedAt, c.handleBy, c.closedAt, c.replyText, c.answerText,
                c.feedbackAt, c.feedbackBy, c.satisfaction)
            from HotlineCase c where c.caseNumber = :caseNumber""")
    Optional<CitizenCaseRow> findCitizenRow(@Param("caseNumber") String caseNumber);

    /** A caller's cases, newest first; pass {@link PhoneNumbers#storedForms} so every way of writing the number matches. */
    List<HotlineCase> findTop50ByContactPhoneInOrderByReceivedAtDesc(Collection<String> phones);

    List<HotlineCase> findByStatusOrderByReceivedAtAsc(CaseStatus status);

    /** Cases still open at these units: pass {@link CaseStatus#finalStatuses()}. */
    long countByDepartmentIdInAndStatusNotIn(Collection<Long> departments, Collection<CaseStatus> finalStatuses);

    /** Cases waiting in a sub-center's queue (to sign, re-dispatch, rule on a return or review a reply), the longest first. */
    List<HotlineCase> findBySubCenterSinceIsNotNullOrderBySubCenterSinceAsc();

    /** Cases still open that went through this sub-center: pass {@link CaseStatus#finalStatuses()}. */
    long countBySubCenterIdAndStatusNotIn(Long subCenter, Collection<CaseStatus> finalStatuses);

    /** Cases still open whose loop a nested sub-center runs now (see docs/organisation.md, "Nested sub-centers"). */
    long countByActingSubCenterIdAndStatusNotIn(Long subCenter, Collection<CaseStatus> finalStatuses);

    /** The cases merged into {@code primaryId} (its secondaries, 并单), the earliest first. */
    List<HotlineCase> findByMergedIntoIdOrderByReceivedAtAsc(Long primaryId);

    /** The texts of the open cases after {@code afterId}, by id: a page at a time, however many are open. */
    @Query("""
            select new org.hotline8890.cases.OpenCaseText(c.id, c.caseNumber, c.subject, c.districtCode, c.receivedAt,
                c.content)
            from HotlineCase c where c.status not in :finalStatuses and c.id > :afterId order by c.id
            """)
    List<OpenCaseText> findOpenCaseTexts(@Param("finalStatuses") Collection<CaseStatus> finalStatuses,
                                         @Param("afterId") long afterId, Pageable page);

    @Query("select coalesce(max(c.id), 0) from HotlineCase c")
    long findHighestId();

    /** Open cases of a set of departments, the nearest deadline first. */
    @Query("""
            select c from HotlineCase c
            where c.departmentId in :departments and c.status in :statuses
            order by case when c.status = org.hotline8890.cases.CaseStatus.DISPATCHED then c.signBy else c.handleBy end asc
            """)
    List<HotlineCase> findOpenForDepartments(@Param("departments") Collection<Long> departments,
                                             @Param("statuses") Collection<CaseStatus> statuses);

    /** The 督办 board: the cases {@link HotlineCase#isOverdue} holds overdue at {@code now}, the most overdue first. */
    default List<HotlineCase> findOverdue(Instant now) {
        return findOverdue(now, CaseStatus.finalStatuses());
    }

    // Keep in step with HotlineCase.isOverdue: the board and the published figure must count the same cases.
    @Query("""
            select c from HotlineCase c
            where c.status not in :finalStatuses
              and c.repliedAt is null
              and c.handleBy is not null and c.handleBy < :now
            order by c.handleBy asc, c.id asc
            """)
    List<HotlineCase> findOverdue(@Param("now") Instant now,
                                  @Param("finalStatuses") Collection<CaseStatus> finalStatuses);

    /** The number of cases {@link #findOverdue(Instant)} lists, for the published figure and the metrics. */
    default long countOverdue(Instant now) {
        return countOverdue(now, CaseStatus.finalStatuses());
    }

    // The same condition as findOverdue above.
    @Query("""
            select count(c) from HotlineCase c
            where c.status not in :finalStatuses
              and c.repliedAt is null
              and c.handleBy is not null and c.handleBy < :now
            """)
    long countOverdue(@Param("now") Instant now, @Param("finalStatuses") Collection<CaseStatus> finalStatuses);

    long countByStatusNotIn(Collection<CaseStatus> statuses);

    @Query("select c from HotlineCase c where c.extensionRequestedUntil is not null and c.status = org.hotline8890.cases.CaseStatus.HANDLING order by c.handleBy asc")
    List<HotlineCase> findWithPendingExtension();

    List<HotlineCase> findByCalendarIncompleteTrueAndStatusNotIn(Collection<CaseStatus> finalStatuses);

    /** Cases that count for statistics in a period: received in it. */
    @Query("""
            select c from HotlineCase c
            where (c.receivedAt >= :from and c.receivedAt < :to)
            """)
    List<HotlineCase> findReceivedBetween(@Param("from") Instant from, @Param("to") Instant to);

    /**
     * The cases received in a period whose figures the statistics have not folded into their stored totals
     * (index ix_case_figures_unsettled: the rows read are the open and recently finished ones, however long the history).
     */
    @Query("""
            select c from HotlineCase c
            where c.figuresSettled = false and c.receivedAt >= :from and c.receivedAt < :to
            """)
    List<HotlineCase> findUnsettledReceivedBetween(@Param("from") Instant from, @Param("to") Instant to);

    /**
     * The cases that reached their region in a period (received there, or transferred in), for each region's
     * statistics; see docs/metrics.md, "Regions".
     */
    @Query("""
            select c from HotlineCase c
            where c.regionReceivedAt >= :from and c.regionReceivedAt < :to
            """)
    List<HotlineCase> findRegionReceivedBetween(@Param("from") Instant from, @Param("to") Instant to);

    /** As {@link #findRegionReceivedBetween}, only the cases whose figures are not folded (ix_case_figures_unsettled_region). */
    @Query("""
            select c from HotlineCase c
            where c.figuresSettled = false and c.regionReceivedAt >= :from and c.regionReceivedAt < :to
            """)
    List<HotlineCase> findUnsettledRegionReceivedBetween(@Param("from") Instant from, @Param("to") Instant to);

    /**
     * Cases whose figures can no longer change with time, not yet folded: finished, and every deadline the
     * figures judge either met or passed before {@code cutoff}. The query form of statistics.Settlement's rule.
     */
    @Query("""
            select c.id from HotlineCase c
            where c.figuresSettled = false and c.status in :finalStatuses
              and (c.dispatchedAt is null
                   or ((c.signedAt is not null or c.signBy < :cutoff) and (c.repliedAt is not null or c.handleBy < :cutoff)))
              and (c.subCenterId is null or c.subCenterSignBy is null
                   or c.subCenterSignedAt is not null or c.subCenterSignBy < :cutoff)
            order by c.receivedAt
            """)
    List<Long> findSettleableIds(@Param("finalStatuses") Collection<CaseStatus> finalStatuses,
                                 @Param("cutoff") Instant cutoff, Pageable page);

    /** The figure inputs of these cases, read without loading them whole (the settlement reads hundreds at a time). */
    @Query("""
            select new org.hotline8890.cases.FoldableCase(c.id, c.figuresSettled, c.status, c.closure,
                c.departmentId, c.subCenterId, c.districtCode, c.regionCode, c.receivedAt, c.regionReceivedAt,
                c.dispatchedAt, c.signBy, c.signedAt, c.handleBy, c.repliedAt,
                c.returnCount, c.extensionCount, c.feedbackBy, c.rehandleCount, c.satisfaction,
                c.reminderCount, c.supervisionCount, c.escalationCount, c.subCenterSignBy, c.subCenterSignedAt)
            from HotlineCase c where c.id in :ids
            """)
    List<FoldableCase> findFoldable(@Param("ids") Collection<Long> ids);

    /** Retention: finished cases, closed before {@code cutoff}, that still hold personal data. */
    @Query("""
            select c.id from HotlineCase c
            where c.status in :finalStatuses and c.closedAt < :cutoff and c.personalDataErasedAt is null
            order by c.id
            """)
    List<Long> findIdsWithPersonalDataFinishedBefore(@Param("finalStatuses") Collection<CaseStatus> finalStatuses,
                                                     @Param("cutoff") Instant cutoff);
}

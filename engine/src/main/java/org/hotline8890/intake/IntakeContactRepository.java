package org.hotline8890.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline8890.channels.Channel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IntakeContactRepository extends JpaRepository<IntakeContact, Long> {

    // Written out, not derived from the name: Spring Data builds a derived query as a new criteria
    // query on every call, which Hibernate translates to SQL every time (a tenth of an intake's CPU in
    // the profile, docs/benchmarks.md); a JPQL string is translated once and its plan cached.
    @Query("select c from IntakeContact c where c.channel = :channel and c.channelMessageId = :channelMessageId")
    Optional<IntakeContact> findByChannelAndChannelMessageId(@Param("channel") Channel channel,
                                                             @Param("channelMessageId") String channelMessageId);

    Optional<IntakeContact> findFirstByCaseIdAndChannelOrderByIdDesc(Long caseId, Channel channel);

    /** Rows of (channel, latest received_at). */
    @Query("select c.channel, max(c.receivedAt) from IntakeContact c group by c.channel")
    List<Object[]> latestByChannel();

    /** Rows of (channel, contacts received from {@code since} on). */
    @Query("select c.channel, count(c) from IntakeContact c where c.receivedAt >= :since group by c.channel")
    List<Object[]> countByChannelSince(@Param("since") Instant since);
}

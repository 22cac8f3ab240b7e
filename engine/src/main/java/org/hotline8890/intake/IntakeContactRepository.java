package org.hotline8890.intake;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.hotline8890.channels.Channel;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IntakeContactRepository extends JpaRepository<IntakeContact, Long> {

    Optional<IntakeContact> findByChannelAndChannelMessageId(Channel channel, String channelMessageId);

    Optional<IntakeContact> findFirstByCaseIdAndChannelOrderByIdDesc(Long caseId, Channel channel);

    /** Rows of (channel, latest received_at). */
    @Query("select c.channel, max(c.receivedAt) from IntakeContact c group by c.channel")
    List<Object[]> latestByChannel();

    /** Rows of (channel, contacts received from {@code since} on). */
    @Query("select c.channel, count(c) from IntakeContact c where c.receivedAt >= :since group by c.channel")
    List<Object[]> countByChannelSince(@Param("since") Instant since);
}

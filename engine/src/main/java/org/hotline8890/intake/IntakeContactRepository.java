package org.hotline8890.intake;

import java.util.Optional;

import org.hotline8890.channels.Channel;
import org.springframework.data.jpa.repository.JpaRepository;

interface IntakeContactRepository extends JpaRepository<IntakeContact, Long> {

    Optional<IntakeContact> findByChannelAndChannelMessageId(Channel channel, String channelMessageId);

    Optional<IntakeContact> findFirstByCaseIdAndChannelOrderByIdDesc(Long caseId, Channel channel);
}

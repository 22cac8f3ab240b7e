package org.hotline8890.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.hotline8890.channels.Channel;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface CitizenNotificationRepository extends JpaRepository<CitizenNotification, Long> {

    List<CitizenNotification> findByCaseIdOrderByIdAsc(Long caseId);

    /** The message whose channel id a citizen's reply names (a mail's In-Reply-To). */
    Optional<CitizenNotification> findFirstByChannelAndExternalId(Channel channel, String externalId);

    /**
     * Pending notifications due now on the given channels, oldest first, holding back any whose case
     * still has an earlier one pending: a citizen must not hear "closed" before "replied". A staff alert
     * neither waits for the citizen's messages nor holds them back.
     */
    @Query("""
            select n.id from CitizenNotification n
            where n.state = org.hotline8890.notification.NotificationState.PENDING
              and n.channel in :channels
              and (n.nextAttemptAt is null or n.nextAttemptAt <= :now)
              and (n.recipientPhone is not null
                   or not exists (select e.id from CitizenNotification e
                                  where e.caseId = n.caseId and e.id < n.id and e.recipientPhone is null
                                    and e.state = org.hotline8890.notification.NotificationState.PENDING))
            order by n.id""")
    List<Long> findDue(@Param("channels") Collection<Channel> channels, @Param("now") Instant now, Pageable page);

    long countByChannelAndState(Channel channel, NotificationState state);
}

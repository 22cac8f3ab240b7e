package org.hotline8890.notification;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CitizenNotificationRepository extends JpaRepository<CitizenNotification, Long> {

    List<CitizenNotification> findByCaseIdOrderByIdAsc(Long caseId);
}

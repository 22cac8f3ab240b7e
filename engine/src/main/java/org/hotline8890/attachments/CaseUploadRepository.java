package org.hotline8890.attachments;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CaseUploadRepository extends JpaRepository<CaseUpload, Long> {

    List<CaseUpload> findByCaseIdOrderByIdAsc(Long caseId);

    Optional<CaseUpload> findByIdAndCaseId(Long id, Long caseId);
}

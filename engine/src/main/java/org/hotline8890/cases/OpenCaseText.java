package org.hotline8890.cases;

import java.time.Instant;

/**
 * What the repeat detection indexes of an open case, read by a query without loading the case whole
 * ({@link CaseRepository#findOpenCaseTexts}): the entities of every open case, with Hibernate's snapshot
 * of each, outgrew a 512 MiB heap at 80,000 open cases (docs/benchmarks.md, "Deadlines").
 */
public record OpenCaseText(Long id, String caseNumber, String subject, String districtCode, Instant receivedAt,
                           String content) {
}

package org.hotline8890.cases;

import org.slf4j.MDC;

/**
 * The log context key for the case a line is about ({@code caseNumber}), the same key Camunda uses
 * for the business key ({@code camunda.bpm.generic-properties.properties.loggingContextBusinessKey}).
 */
public final class CaseLog {

    public static final String KEY = "caseNumber";

    private CaseLog() {
    }

    /** Puts the case number in the log context until the returned handle is closed (try-with-resources). */
    public static MDC.MDCCloseable about(String caseNumber) {
        return MDC.putCloseable(KEY, caseNumber);
    }
}

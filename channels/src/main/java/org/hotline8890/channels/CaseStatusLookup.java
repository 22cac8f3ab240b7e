package org.hotline8890.channels;

import java.time.Instant;
import java.util.Optional;

/**
 * Lets a channel answer "what is the status of case N?" (IVR menu 2, SMS "CX N") without touching
 * case tables. The caller proves the case is theirs by the phone number the case was filed with, as
 * the web proves it with the query code; a stranger's or an unknown number answers empty, alike.
 */
public interface CaseStatusLookup {

    Optional<CaseStatusReport> forCaller(String caseNumber, String callerPhone);

    /**
     * What may be told to the citizen: no names, no texts. {@code status} is the case status name
     * (RECEIVED, DISPATCHED, ...), {@code statusText} its plain words in Chinese, {@code deadline}
     * the handling deadline when there is one.
     */
    record CaseStatusReport(String caseNumber, String status, String statusText, Instant deadline) {
    }
}

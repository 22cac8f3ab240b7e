package org.hotline8890.merging;

import java.time.Instant;
import java.util.List;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests the open cases a new request may repeat, the likeliest first. This first rule knows one
 * sign of a repeat: the same caller with a case still open.
 */
@Service
public class RepeatRequests {

    private final CaseRepository cases;

    RepeatRequests(CaseRepository cases) {
        this.cases = cases;
    }

    /** What is known of the new request before it is saved; any part may be blank. */
    public record Probe(String phone, String subject, String content, String districtCode, Instant receivedAt) {
    }

    /** {@code reason}: why it was suggested, a message key {@code merging.reason.<reason>}. */
    public record Suggestion(String caseNumber, String subject, String status, Instant receivedAt, String reason,
                             double score) {
    }

    @Transactional(readOnly = true)
    public List<Suggestion> suggest(Probe probe, int limit) {
        if (probe.phone() == null || PhoneNumbers.national(probe.phone()).isEmpty()) {
            return List.of();
        }
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(probe.phone())).stream()
                .filter(c -> !c.getStatus().isFinal())
                .limit(Math.max(0, limit))
                .map(c -> new Suggestion(c.getCaseNumber(), c.getSubject(), c.getStatus().name(), c.getReceivedAt(),
                        "sameCaller", 1.0))
                .toList();
    }
}

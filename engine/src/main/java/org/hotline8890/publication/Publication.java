package org.hotline8890.publication;

import java.time.Instant;

import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Service;

@Service
public class Publication {

    private final PublishedResultRepository results;
    private final Deidentifier deidentifier;

    Publication(PublishedResultRepository results, Deidentifier deidentifier) {
        this.results = results;
        this.deidentifier = deidentifier;
    }

    /** Publishes once; a second call for the same case is a no-op, so a retried job cannot duplicate it. */
    public void publish(HotlineCase c, Instant now) {
        if (!c.isPublishable()) {
            throw new CaseStateException("case.notPublishable", "case " + c.getCaseNumber() + " may not be published");
        }
        if (results.existsByCaseId(c.getId())) {
            return;
        }
        String name = c.getContact().name();
        String answer = c.getReplyText() != null ? c.getReplyText() : c.getAnswerText();
        results.save(new PublishedResult(c.getId(), c.getCaseNumber(), c.getType().name(), c.getCategoryCode(),
                c.getDistrictCode(), c.getDepartmentId(), deidentifier.mask(c.getSubject(), name),
                deidentifier.mask(c.getContent(), name), deidentifier.mask(answer, name),
                c.getSatisfaction() == null ? null : c.getSatisfaction().name(), c.getReceivedAt(), c.getClosedAt(), now));
    }
}

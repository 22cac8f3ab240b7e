package org.hotline8890.publication;

import java.time.Instant;

import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Service;

@Service
public class Publication {

    private final PublishedResultRepository results;
    private final Deidentifier deidentifier;
    private final PublicationSettings settings;

    Publication(PublishedResultRepository results, Deidentifier deidentifier, PublicationSettings settings) {
        this.results = results;
        this.deidentifier = deidentifier;
        this.settings = settings;
    }

    /**
     * Publishes once, or with review required prepares the result for the center's review; a second
     * call for the same case is a no-op, so a retried job cannot duplicate it.
     *
     * @return where the result stands now
     */
    public ReviewState publish(HotlineCase c, Instant now) {
        // Confidential cases and cases without consent never reach the table, review or not.
        if (!c.isPublishable()) {
            throw new CaseStateException("case.notPublishable", "case " + c.getCaseNumber() + " may not be published");
        }
        var existing = results.findByCaseId(c.getId());
        if (existing.isPresent()) {
            return existing.get().getReviewState();
        }
        String name = c.getContact().name();
        String answer = c.getReplyText() != null ? c.getReplyText() : c.getAnswerText();
        String subject = deidentifier.mask(c.getSubject(), name);
        String content = deidentifier.mask(c.getContent(), name);
        String reply = deidentifier.mask(answer, name);
        String satisfaction = c.getSatisfaction() == null ? null : c.getSatisfaction().name();
        PublishedResult result = settings.reviewRequired()
                ? PublishedResult.pendingReview(c.getId(), c.getCaseNumber(), c.getType().name(), c.getCategoryCode(),
                        c.getDistrictCode(), c.getDepartmentId(), subject, content, reply, satisfaction,
                        c.getReceivedAt(), c.getClosedAt())
                : new PublishedResult(c.getId(), c.getCaseNumber(), c.getType().name(), c.getCategoryCode(),
                        c.getDistrictCode(), c.getDepartmentId(), subject, content, reply, satisfaction,
                        c.getReceivedAt(), c.getClosedAt(), now);
        return results.save(result).getReviewState();
    }
}

package org.hotline8890.publication;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStateException;
import org.hotline8890.cases.HotlineCase;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 公开审核: the center reads each de-identified result beside the original, may correct what the
 * automatic masking missed or over-did, and approves or withholds it. Edited texts go through the
 * {@link Deidentifier} once more, so a reviewer who pastes a phone number back in cannot publish it.
 */
@Service
public class PublicationReview {

    /** The published_result column limits: subject VARCHAR(200); content and reply as the citizen's text. */
    public static final int SUBJECT_MAX = 200;
    public static final int TEXT_MAX = 5000;
    public static final int REASON_MAX = 500;

    public record Texts(String subject, String content, String reply) {
    }

    /** A result waiting for review, with the case's own texts for comparison. */
    public record Pending(String caseNumber, String caseType, String categoryCode, String districtCode,
                         Instant closedAt, Texts deidentified, Texts original) {
    }

    /**
     * @param edited   the fields whose text the reviewer changed
     * @param remasked the edited fields the de-identifier changed again (the reviewer is told)
     * @param published the texts as published
     */
    public record Approved(String caseNumber, List<String> edited, List<String> remasked, Texts published) {
    }

    private final PublishedResultRepository results;
    private final CaseRepository cases;
    private final Deidentifier deidentifier;
    private final Clock clock;

    PublicationReview(PublishedResultRepository results, CaseRepository cases, Deidentifier deidentifier, Clock clock) {
        this.results = results;
        this.cases = cases;
        this.deidentifier = deidentifier;
        this.clock = clock;
    }

    /** Oldest first: they have waited longest. Only the cases {@code reviewable} lets through (a center's own region's). */
    @Transactional(readOnly = true)
    public List<Pending> pending(Predicate<HotlineCase> reviewable) {
        List<PublishedResult> waiting = results.findByReviewStateOrderByClosedAtAsc(ReviewState.PENDING_REVIEW);
        Map<Long, HotlineCase> byId = cases.findAllById(waiting.stream().map(PublishedResult::getCaseId).toList())
                .stream().collect(Collectors.toMap(HotlineCase::getId, Function.identity()));
        return waiting.stream().filter(r -> byId.containsKey(r.getCaseId()) && reviewable.test(byId.get(r.getCaseId())))
                .map(r -> {
                    HotlineCase c = byId.get(r.getCaseId());
                    return new Pending(r.getCaseNumber(), r.getCaseType(), r.getCategoryCode(), r.getDistrictCode(),
                            r.getClosedAt(), new Texts(r.getSubject(), r.getContent(), r.getReply()),
                            new Texts(c.getSubject(), c.getContent(), answer(c)));
                }).toList();
    }

    /**
     * Publishes the result, with the reviewer's edits where given (a null field keeps the de-identified text).
     *
     * @throws InvalidReviewText    an edited text is empty or too long; nothing is changed
     * @throws CaseStateException   the case may not be published (confidential, no consent) or its
     *                              result is not waiting for review
     */
    @Transactional
    public Approved approve(String reviewer, String caseNumber, Texts edits) {
        HotlineCase c = publishable(caseNumber);
        PublishedResult result = waiting(c);
        Texts given = edits == null ? new Texts(null, null, null) : edits;
        String name = c.getContact() == null ? null : c.getContact().name();
        List<String> edited = new ArrayList<>();
        List<String> remasked = new ArrayList<>();
        String subject = reviewed("subject", result.getSubject(), given.subject(), SUBJECT_MAX, name, edited, remasked);
        String content = reviewed("content", result.getContent(), given.content(), TEXT_MAX, name, edited, remasked);
        String reply = reviewed("reply", result.getReply(), given.reply(), TEXT_MAX, name, edited, remasked);
        Instant now = clock.instant();
        result.approve(reviewer, subject, content, reply, String.join(",", edited), now);
        c.approvePublication(reviewer, edited.isEmpty() ? null : "edited: " + String.join(", ", edited), now);
        cases.save(c);
        return new Approved(caseNumber, List.copyOf(edited), List.copyOf(remasked), new Texts(subject, content, reply));
    }

    /** The result is never published; the reason goes on the case's timeline and the record. */
    @Transactional
    public void withhold(String reviewer, String caseNumber, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new InvalidReviewText("reason", "blank", "must not be blank");
        }
        if (why.length() > REASON_MAX) {
            throw new InvalidReviewText("reason", "tooLong", "at most " + REASON_MAX + " characters");
        }
        HotlineCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        PublishedResult result = waiting(c);
        Instant now = clock.instant();
        result.withhold(reviewer, why, now);
        c.withholdPublication(reviewer, why, now);
        cases.save(c);
    }

    private HotlineCase publishable(String caseNumber) {
        HotlineCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        // Checked before anything else: a confidential case is refused whatever the table holds.
        if (!c.isPublishable()) {
            throw new CaseStateException("case.notPublishable", "case " + caseNumber + " may not be published");
        }
        return c;
    }

    private PublishedResult waiting(HotlineCase c) {
        PublishedResult result = results.findByCaseId(c.getId()).orElseThrow(() -> new CaseStateException(
                "publication.notPending", "case " + c.getCaseNumber() + " has no result waiting for review"));
        if (result.getReviewState() != ReviewState.PENDING_REVIEW) {
            throw new CaseStateException("publication.notPending",
                    "the result of case " + c.getCaseNumber() + " is " + result.getReviewState() + ", not waiting for review");
        }
        return result;
    }

    private String reviewed(String field, String current, String given, int max, String name,
                            List<String> edited, List<String> remasked) {
        if (given == null) {
            return current;
        }
        String text = given.strip();
        boolean hadText = current != null && !current.isBlank();
        if (text.isEmpty()) {
            // A form always posts every field; an empty reply where there was none is no edit.
            if (!hadText) {
                return current;
            }
            throw new InvalidReviewText(field, "blank", "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidReviewText(field, "tooLong", "at most " + max + " characters");
        }
        if (Objects.equals(text, current == null ? null : current.strip())) {
            return current;
        }
        edited.add(field);
        String masked = deidentifier.mask(text, name);
        if (!masked.equals(text)) {
            remasked.add(field);
        }
        return masked;
    }

    private static String answer(HotlineCase c) {
        return c.getReplyText() != null ? c.getReplyText() : c.getAnswerText();
    }
}

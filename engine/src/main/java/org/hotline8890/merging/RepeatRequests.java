package org.hotline8890.merging;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hotline8890.cases.CaseNotFoundException;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.PhoneNumbers;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Suggests the open cases a new request may repeat, the likeliest first. Two signs of a repeat: the
 * same caller with a case still open (anywhere, any time: the caller knows best), and a similar text
 * (subject and content) among the open cases of the same district received within the window
 * (docs/merging.md). A case with both signs ranks first; the same caller ranks above a text alone,
 * because a caller's own open case is the likelier thing the call is about.
 */
@Service
public class RepeatRequests {

    private static final double SAME_CALLER = 1.0;

    private final CaseRepository cases;
    private final OpenCaseIndexing indexing;
    private final MergingSettings settings;
    private final Clock clock;

    RepeatRequests(CaseRepository cases, OpenCaseIndexing indexing, MergingSettings settings, Clock clock) {
        this.cases = cases;
        this.indexing = indexing;
        this.settings = settings;
        this.clock = clock;
    }

    /** What is known of the new request before it is saved; any part may be blank. */
    public record Probe(String phone, String subject, String content, String districtCode, Instant receivedAt) {
    }

    /**
     * {@code reason}: why it was suggested, a message key {@code merging.reason.<reason>}
     * ({@code sameCaller}, {@code similarText} or {@code both}); {@code score}: the text similarity
     * (0..1), plus 1 for the same caller.
     */
    public record Suggestion(String caseNumber, String subject, String status, Instant receivedAt, String reason,
                             double score) {
    }

    @Transactional(readOnly = true)
    public List<Suggestion> suggest(Probe probe, int limit) {
        return suggest(probe, null, limit);
    }

    /** The suggestions for a case already received (the center's intake review), never the case itself. */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestFor(String caseNumber, int limit) {
        HotlineCase c = cases.findByCaseNumber(caseNumber).orElseThrow(() -> new CaseNotFoundException(caseNumber));
        return suggest(new Probe(c.getContact() == null ? null : c.getContact().phone(), c.getSubject(), c.getContent(),
                c.getDistrictCode(), c.getReceivedAt()), c.getId(), limit);
    }

    private List<Suggestion> suggest(Probe probe, Long self, int limit) {
        Instant at = probe.receivedAt() == null ? clock.instant() : probe.receivedAt();
        Map<Long, Double> textScores = new LinkedHashMap<>();
        for (OpenCaseIndex.Match m : similarTexts(probe, at, self)) {
            textScores.put(m.openCase().id(), m.score());
        }
        Map<Long, Suggestion> found = new LinkedHashMap<>();
        for (HotlineCase c : sameCaller(probe, self)) {
            Double text = textScores.remove(c.getId());
            found.put(c.getId(), suggestion(c, text == null ? "sameCaller" : "both",
                    SAME_CALLER + (text == null ? 0 : text)));
        }
        if (!textScores.isEmpty()) {
            cases.findAllById(textScores.keySet()).stream()
                    .filter(c -> !c.getStatus().isFinal())
                    .forEach(c -> found.put(c.getId(), suggestion(c, "similarText", textScores.get(c.getId()))));
        }
        return found.values().stream()
                .sorted(Comparator.comparingDouble(Suggestion::score).reversed()
                        .thenComparing(Suggestion::receivedAt, Comparator.reverseOrder()))
                .limit(Math.max(0, limit))
                .toList();
    }

    private List<HotlineCase> sameCaller(Probe probe, Long self) {
        if (probe.phone() == null || PhoneNumbers.national(probe.phone()).isEmpty()) {
            return List.of();
        }
        return cases.findTop50ByContactPhoneInOrderByReceivedAtDesc(PhoneNumbers.storedForms(probe.phone())).stream()
                .filter(c -> !c.getStatus().isFinal() && !c.getId().equals(self))
                .toList();
    }

    private List<OpenCaseIndex.Match> similarTexts(Probe probe, Instant at, Long self) {
        if (blank(probe.subject()) && blank(probe.content())) {
            return List.of();
        }
        return indexing.index().similar(OpenCaseIndexing.text(probe.subject(), probe.content()), probe.districtCode(),
                at.minus(settings.window()), at.plus(settings.window()), self, settings.minScore(),
                settings.candidates());
    }

    private static Suggestion suggestion(HotlineCase c, String reason, double score) {
        return new Suggestion(c.getCaseNumber(), c.getSubject(), c.getStatus().name(), c.getReceivedAt(), reason, score);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}

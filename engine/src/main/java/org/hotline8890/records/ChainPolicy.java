package org.hotline8890.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hotline8890.cases.EventHash;

/**
 * Where one case's event chain first breaks, and how. Pure: it sees each event's stored links and
 * the hash recomputed from its content, and the chain head, so every kind of break can be tested
 * on its own.
 */
public final class ChainPolicy {

    public enum Problem {
        /** The event's content (or its stored hash, or a de-identified comment) no longer matches. */
        CONTENT_CHANGED,
        /** An event before the named one, or after it at the end of the chain, is gone. */
        EVENT_REMOVED,
        /** The named event was not written by the chain. */
        EVENT_INSERTED,
        /** The named event stands before an event it was recorded after. */
        ORDER_CHANGED,
        /** The case has events but its chain head is gone. */
        CHAIN_HEAD_MISSING
    }

    /** One event as stored; {@code recomputedHash} is {@link EventHash} over its content and {@code prevHash}. */
    public record Link(long eventId, String prevHash, String storedHash, String recomputedHash) {
    }

    public record Head(long eventCount, Long lastEventId, String lastHash) {
    }

    public record Break(Long eventId, Problem problem) {
    }

    private ChainPolicy() {
    }

    /** @param head null when the case has no chain head */
    static Optional<Break> firstBreak(List<Link> links, Head head) {
        if (head == null) {
            // Every case is created with an event, so a case with neither lost both.
            return Optional.of(links.isEmpty() ? new Break(null, Problem.EVENT_REMOVED)
                    : new Break(links.get(0).eventId(), Problem.CHAIN_HEAD_MISSING));
        }
        Map<String, Integer> positionOfHash = new HashMap<>();
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).storedHash() != null) {
                positionOfHash.putIfAbsent(links.get(i).storedHash(), i);
            }
        }
        String expectedPrev = EventHash.GENESIS;
        for (int i = 0; i < links.size(); i++) {
            Link e = links.get(i);
            boolean linked = expectedPrev.equals(e.prevHash());
            boolean intact = e.storedHash() != null && e.storedHash().equals(e.recomputedHash());
            if (linked && intact) {
                expectedPrev = e.storedHash();
                continue;
            }
            int linkedTo = e.prevHash() == null ? -1 : positionOfHash.getOrDefault(e.prevHash(), -1);
            if (!linked && linkedTo > i) {
                return found(e, Problem.ORDER_CHANGED);
            }
            // The next event links past this one to the event before it: this one was slipped in.
            boolean skippedOver = i + 1 < links.size() && expectedPrev.equals(links.get(i + 1).prevHash());
            if (skippedOver || e.storedHash() == null) {
                return found(e, Problem.EVENT_INSERTED);
            }
            if (!linked) {
                // Links to an earlier event than the one before it: the one before it was slipped in.
                return linkedTo >= 0 && i > 0 ? found(links.get(i - 1), Problem.EVENT_INSERTED)
                        : found(e, Problem.EVENT_REMOVED);
            }
            return found(e, Problem.CONTENT_CHANGED);
        }
        if (head.eventCount() == links.size() && head.lastHash().equals(expectedPrev)) {
            return Optional.empty();
        }
        if (links.size() < head.eventCount()) {
            return Optional.of(new Break(head.lastEventId(), Problem.EVENT_REMOVED));
        }
        if (links.size() > head.eventCount()) {
            int last = positionOfHash.getOrDefault(head.lastHash(), links.size() - 2);
            return found(links.get(Math.min(last + 1, links.size() - 1)), Problem.EVENT_INSERTED);
        }
        // As many events as the head counts, each linked, but not ending where the head does: the
        // chain was rewritten and re-hashed from some point on.
        return found(links.get(links.size() - 1), Problem.CONTENT_CHANGED);
    }

    /**
     * A de-identified comment is verified against the redactions digest that the event recording the
     * removal carries ({@code pinned}, the latest one): its own hash covers only the original's digest.
     */
    static Optional<Break> redactionBreak(List<EventHash.RedactedComment> redacted, String pinned) {
        if (redacted.isEmpty() || EventHash.redactions(redacted).equals(pinned)) {
            return Optional.empty();
        }
        // Which of the texts changed cannot be told from one digest: name the first.
        return Optional.of(new Break(redacted.get(0).eventId(), Problem.CONTENT_CHANGED));
    }

    private static Optional<Break> found(Link link, Problem problem) {
        return Optional.of(new Break(link.eventId(), problem));
    }
}

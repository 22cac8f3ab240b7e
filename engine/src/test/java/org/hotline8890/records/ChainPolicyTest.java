package org.hotline8890.records;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.hotline8890.cases.EventHash;
import org.hotline8890.records.ChainPolicy.Break;
import org.hotline8890.records.ChainPolicy.Head;
import org.hotline8890.records.ChainPolicy.Link;
import org.hotline8890.records.ChainPolicy.Problem;
import org.junit.jupiter.api.Test;

/** Each kind of break in one case's chain, on hand-made links (hashes are just distinct strings). */
class ChainPolicyTest {

    private static final String G = EventHash.GENESIS;

    /** 1 → 2 → 3 → 4, each intact. */
    private static List<Link> chain() {
        return new ArrayList<>(List.of(
                new Link(1, G, "h1", "h1"), new Link(2, "h1", "h2", "h2"),
                new Link(3, "h2", "h3", "h3"), new Link(4, "h3", "h4", "h4")));
    }

    private static final Head HEAD = new Head(4, 4L, "h4");

    @Test
    void anIntactChainEndingAtItsHeadHasNoBreak() {
        assertThat(ChainPolicy.firstBreak(chain(), HEAD)).isEmpty();
    }

    @Test
    void changedContentNamesThatEvent() {
        List<Link> links = chain();
        links.set(1, new Link(2, "h1", "h2", "other"));
        assertThat(ChainPolicy.firstBreak(links, HEAD)).contains(new Break(2L, Problem.CONTENT_CHANGED));
    }

    @Test
    void aRemovedEventNamesTheEventAfterTheGap() {
        List<Link> links = chain();
        links.remove(1);
        assertThat(ChainPolicy.firstBreak(links, HEAD)).contains(new Break(3L, Problem.EVENT_REMOVED));
    }

    @Test
    void removedLastEventsAreSeenFromTheHead() {
        assertThat(ChainPolicy.firstBreak(chain().subList(0, 2), HEAD)).contains(new Break(4L, Problem.EVENT_REMOVED));
        assertThat(ChainPolicy.firstBreak(List.of(), HEAD)).contains(new Break(4L, Problem.EVENT_REMOVED));
    }

    @Test
    void anInsertedEventIsNamedWhetherItsHashIsForgedOrCorrect() {
        List<Link> forged = chain();
        forged.add(2, new Link(9, "h2", "bogus", "x"));
        assertThat(ChainPolicy.firstBreak(forged, HEAD)).contains(new Break(9L, Problem.EVENT_INSERTED));

        List<Link> wellHashed = chain();
        wellHashed.add(2, new Link(9, "h2", "h9", "h9"));
        assertThat(ChainPolicy.firstBreak(wellHashed, HEAD)).contains(new Break(9L, Problem.EVENT_INSERTED));

        List<Link> atTheEnd = chain();
        atTheEnd.add(new Link(9, "h4", "h9", "h9"));
        assertThat(ChainPolicy.firstBreak(atTheEnd, HEAD)).contains(new Break(9L, Problem.EVENT_INSERTED));
    }

    @Test
    void swappedEventsAreAnOrderChange() {
        List<Link> links = chain();
        links.set(1, new Link(2, "h2", "h3", "h3"));
        links.set(2, new Link(3, "h1", "h2", "h2"));
        assertThat(ChainPolicy.firstBreak(links, HEAD)).contains(new Break(2L, Problem.ORDER_CHANGED));
    }

    @Test
    void aChainRehashedToTheEndIsCaughtByTheHead() {
        List<Link> links = chain();
        links.set(3, new Link(4, "h3", "h4x", "h4x"));
        assertThat(ChainPolicy.firstBreak(links, HEAD)).contains(new Break(4L, Problem.CONTENT_CHANGED));
    }

    @Test
    void aCaseWithoutItsHeadIsReported() {
        assertThat(ChainPolicy.firstBreak(chain(), null)).contains(new Break(1L, Problem.CHAIN_HEAD_MISSING));
        assertThat(ChainPolicy.firstBreak(List.of(), null)).contains(new Break(null, Problem.EVENT_REMOVED));
    }

    @Test
    void redactedCommentsThatAreTheOnesTheRemovalPinnedHaveNoBreak() {
        List<EventHash.RedactedComment> redacted = List.of(new EventHash.RedactedComment(2, "张**来电"),
                new EventHash.RedactedComment(3, "电话[电话]"));
        assertThat(ChainPolicy.redactionBreak(redacted, EventHash.redactions(redacted))).isEmpty();
        assertThat(ChainPolicy.redactionBreak(List.of(), null)).isEmpty();
    }

    @Test
    void aRedactedCommentChangedAfterTheRemovalOrWithoutOneNamesTheFirstRedactedEvent() {
        List<EventHash.RedactedComment> pinned = List.of(new EventHash.RedactedComment(2, "张**来电"),
                new EventHash.RedactedComment(3, "电话[电话]"));
        List<EventHash.RedactedComment> changed = List.of(new EventHash.RedactedComment(2, "张**来电"),
                new EventHash.RedactedComment(3, "已妥善处理"));
        assertThat(ChainPolicy.redactionBreak(changed, EventHash.redactions(pinned)))
                .contains(new Break(2L, Problem.CONTENT_CHANGED));
        assertThat(ChainPolicy.redactionBreak(pinned, null)).contains(new Break(2L, Problem.CONTENT_CHANGED));
    }
}

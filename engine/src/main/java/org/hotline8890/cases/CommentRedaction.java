package org.hotline8890.cases;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * De-identifies the comments of a case's events under the retention rule while the chain keeps
 * verifying. A version-2 hash covers the comment's digest, so a redacted event keeps its original
 * comment's digest and its link still holds. A chain that still holds version-1 events (hashed over
 * the text itself) is re-linked first: every event re-hashed as version 2 in order and the head
 * moved to the new end, and the head it had is returned so the removal event can name it.
 *
 * <p>The caller must have checked the chain intact with its head locked: re-linking a broken chain
 * would hide the break. The caller then records the removal as an event, which pins the redacted
 * texts ({@code EventChain}).
 */
@Component
public class CommentRedaction {

    /** @param formerHead the chain's head before it was re-linked; null when it was not */
    public record Outcome(int commentsRedacted, String formerHead) {
    }

    private final EventChainHeadRepository heads;
    private final CaseEventRepository events;
    private final JdbcTemplate jdbc;

    CommentRedaction(EventChainHeadRepository heads, CaseEventRepository events, JdbcTemplate jdbc) {
        this.heads = heads;
        this.events = events;
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Outcome redact(Long caseId, UnaryOperator<String> deidentify) {
        EventChainHead head = heads.lockByCaseId(caseId)
                .orElseThrow(() -> new IllegalStateException("case " + caseId + " has no event chain head"));
        List<CaseEvent> chain = events.findByCaseIdOrderByIdAsc(caseId);
        boolean relink = chain.stream().anyMatch(e -> e.getHashVersion() < EventHash.CURRENT_VERSION);
        String formerHead = head.getLastHash();
        String prev = EventHash.GENESIS;
        int redacted = 0;
        for (CaseEvent e : chain) {
            String text = e.getComment() == null ? null : deidentify.apply(e.getComment());
            boolean changes = !Objects.equals(text, e.getComment());
            // The digest of what the event said when it was recorded; a comment redacted before keeps its.
            String original = e.getCommentDigest() != null ? e.getCommentDigest() : EventHash.digest(e.getComment());
            String kept = changes || e.getCommentDigest() != null ? original : null;
            if (relink) {
                String hash = EventHash.version2(e, original, prev);
                jdbc.update("UPDATE case_event SET hash_version = ?, prev_hash = ?, event_hash = ?, comment = ?, "
                        + "comment_digest = ? WHERE id = ?", EventHash.CURRENT_VERSION, prev, hash, text, kept, e.getId());
                prev = hash;
            } else if (changes) {
                jdbc.update("UPDATE case_event SET comment = ?, comment_digest = ? WHERE id = ?", text, kept, e.getId());
            }
            if (changes) {
                redacted++;
            }
        }
        if (relink) {
            head.relinkedTo(prev);
            heads.save(head);
        }
        return new Outcome(redacted, relink ? formerHead : null);
    }
}

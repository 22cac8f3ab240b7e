package org.hotline8890.knowledge;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A knowledge article (知识条目): a question and its answer, owned by a unit, valid for a period.
 * It changes state only through the methods below, each guarding the state it starts from; every
 * change moves {@code updatedAt}, which is how other engine nodes learn to re-index it.
 */
@Entity
@Table(name = "knowledge_article")
public class Article {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String question;
    private String answer;
    @Column(name = "category_code")
    private String categoryCode;
    @Column(name = "owner_unit_id")
    private Long ownerUnitId;
    @Column(name = "valid_from")
    private LocalDate validFrom;
    @Column(name = "valid_until")
    private LocalDate validUntil;
    @Column(name = "source_document")
    private String sourceDocument;
    @Enumerated(EnumType.STRING)
    private ArticleStatus status;
    @Column(name = "replaces_id")
    private Long replacesId;
    @Column(name = "proposed_by")
    private String proposedBy;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decision_note")
    private String decisionNote;
    @Column(name = "use_count")
    private long useCount;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Article() {
    }

    /** What an author writes; the same for a department's proposal and the center's own article. */
    public record Content(String question, String answer, String categoryCode, LocalDate validFrom,
                          LocalDate validUntil, String sourceDocument) {
    }

    private Article(Content content, Long ownerUnitId, Long replacesId, String author, ArticleStatus status, Instant now) {
        require(content.question(), "question", 500);
        require(content.answer(), "answer", 20000);
        if (content.validFrom() == null) {
            throw new InvalidArticleException("validFrom", "the date the article is valid from is required");
        }
        if (content.validUntil() != null && content.validUntil().isBefore(content.validFrom())) {
            throw new InvalidArticleException("validUntil", "cannot be before validFrom");
        }
        this.question = content.question().strip();
        this.answer = content.answer().strip();
        this.categoryCode = content.categoryCode();
        this.validFrom = content.validFrom();
        this.validUntil = content.validUntil();
        this.sourceDocument = content.sourceDocument();
        this.ownerUnitId = ownerUnitId;
        this.replacesId = replacesId;
        this.proposedBy = author;
        this.status = status;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A department proposes a new article, or an update of one it owns ({@code replacesId}). */
    static Article propose(Content content, Long ownerUnitId, Long replacesId, String author, Instant now) {
        return new Article(content, ownerUnitId, replacesId, author, ArticleStatus.PROPOSED, now);
    }

    /** The center writes an article directly: no one else has to approve it. */
    static Article publish(Content content, Long ownerUnitId, Long replacesId, String author, Instant now) {
        Article article = new Article(content, ownerUnitId, replacesId, author, ArticleStatus.APPROVED, now);
        article.decidedBy = author;
        return article;
    }

    void approve(String reviewer, String note, Instant now) {
        requireStatus(ArticleStatus.PROPOSED, "article.notProposed", "only a proposal can be approved");
        this.status = ArticleStatus.APPROVED;
        decided(reviewer, note, now);
    }

    void reject(String reviewer, String reason, Instant now) {
        requireStatus(ArticleStatus.PROPOSED, "article.notProposed", "only a proposal can be rejected");
        require(reason, "reason", 1000);
        this.status = ArticleStatus.REJECTED;
        decided(reviewer, reason, now);
    }

    /** Withdrawn by the center, or superseded by an approved update. */
    void retire(String actor, String note, Instant now) {
        if (status == ArticleStatus.RETIRED || status == ArticleStatus.REJECTED) {
            throw new ArticleStateException("article.notActive", "the article is already " + status);
        }
        this.status = ArticleStatus.RETIRED;
        decided(actor, note, now);
    }

    /** The daily expiry: only an approved article past its date expires. */
    boolean expireIfPast(LocalDate today, Instant now) {
        if (status != ArticleStatus.APPROVED || !isPast(today)) {
            return false;
        }
        this.status = ArticleStatus.EXPIRED;
        this.updatedAt = now;
        return true;
    }

    /**
     * An answer may cite only an article valid today. The use itself is counted by an atomic update
     * ({@link ArticleRepository#countUse}), not here: many agents cite a popular article at once, and
     * a versioned change would make all but one of their calls fail.
     */
    void requireCitable(LocalDate today) {
        if (!isValidOn(today)) {
            throw new InvalidArticleException("articleId", "the article is not approved or not valid today");
        }
    }

    public boolean isValidOn(LocalDate day) {
        return status == ArticleStatus.APPROVED && !day.isBefore(validFrom) && !isPast(day);
    }

    private boolean isPast(LocalDate day) {
        return validUntil != null && day.isAfter(validUntil);
    }

    private void decided(String actor, String note, Instant now) {
        this.decidedBy = actor;
        this.decisionNote = note;
        this.updatedAt = now;
    }

    private void requireStatus(ArticleStatus expected, String code, String message) {
        if (status != expected) {
            throw new ArticleStateException(code, message);
        }
    }

    private static void require(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidArticleException(field, "required");
        }
        if (text.length() > max) {
            throw new InvalidArticleException(field, "at most " + max + " characters");
        }
    }

    public Long getId() { return id; }
    public String getQuestion() { return question; }
    public String getAnswer() { return answer; }
    public String getCategoryCode() { return categoryCode; }
    public Long getOwnerUnitId() { return ownerUnitId; }
    public LocalDate getValidFrom() { return validFrom; }
    public LocalDate getValidUntil() { return validUntil; }
    public String getSourceDocument() { return sourceDocument; }
    public ArticleStatus getStatus() { return status; }
    public Long getReplacesId() { return replacesId; }
    public String getProposedBy() { return proposedBy; }
    public String getDecidedBy() { return decidedBy; }
    public String getDecisionNote() { return decisionNote; }
    public long getUseCount() { return useCount; }
    public Instant getUpdatedAt() { return updatedAt; }
}

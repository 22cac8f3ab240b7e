package org.hotline8890.knowledge;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.organisation.OrgUnit;
import org.hotline8890.organisation.OrgUnitRepository;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What people do with the knowledge base: search it, write and review articles, cite one when
 * answering a case. A department writes proposals for its own unit; the center's articles need no
 * approval. Every change reaches this node's index after it commits ({@link KnowledgeIndexing}).
 */
@Service
public class KnowledgeBase {

    private final ArticleRepository articles;
    private final OrgUnitRepository units;
    private final KnowledgeIndexing indexing;
    private final KnowledgeSettings settings;
    private final HotlineProperties hotline;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    KnowledgeBase(ArticleRepository articles, OrgUnitRepository units, KnowledgeIndexing indexing,
                  KnowledgeSettings settings, HotlineProperties hotline, JdbcTemplate jdbc, Clock clock) {
        this.articles = articles;
        this.units = units;
        this.indexing = indexing;
        this.settings = settings;
        this.hotline = hotline;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Valid articles only (approved, within their dates), best match first. */
    @Transactional(readOnly = true)
    public List<Article> search(String text) {
        LocalDate today = today();
        List<Long> ids = indexing.index().search(text, today, settings.searchLimit());
        Map<Long, Article> found = articles.findAllById(ids).stream()
                .collect(Collectors.toMap(Article::getId, Function.identity()));
        // The table has the last word: a row changed on another node since this index last looked is dropped.
        return ids.stream().map(found::get).filter(Objects::nonNull).filter(a -> a.isValidOn(today)).toList();
    }

    /** Anyone sees an approved article; other states only the center and the owning unit's subtree. */
    @Transactional(readOnly = true)
    public Article read(Staff staff, long id) {
        Article article = articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
        if (article.getStatus() != ArticleStatus.APPROVED && !mayManage(staff, article)) {
            throw new ArticleNotFoundException(id);
        }
        return article;
    }

    /**
     * A department proposes for its own unit (the owner it names is ignored); the center publishes
     * directly, for the unit it names or its own. {@code replacesId} makes it an update of that article,
     * which is retired when the update is approved.
     */
    @Transactional
    public Article write(Staff staff, Article.Content content, String ownerUnitCode, Long replacesId) {
        Instant now = clock.instant();
        if (replacesId != null) {
            Article replaced = articles.findById(replacesId)
                    .filter(a -> mayManage(staff, a))
                    .orElseThrow(() -> new InvalidArticleException("replacesId", "no such article of yours"));
            if (replaced.getStatus() != ArticleStatus.APPROVED && replaced.getStatus() != ArticleStatus.EXPIRED) {
                throw new InvalidArticleException("replacesId", "only an approved or expired article can be updated");
            }
        }
        Article article;
        if (staff.isDepartment()) {
            article = Article.propose(content, staff.orgUnitId(), replacesId, staff.username(), now);
        } else if (isCenter(staff)) {
            Long owner = ownerUnitCode == null || ownerUnitCode.isBlank() ? staff.orgUnitId()
                    : units.findByCode(ownerUnitCode).map(OrgUnit::getId)
                            .orElseThrow(() -> new InvalidArticleException("ownerUnitCode", "no such unit"));
            article = Article.publish(content, owner, replacesId, staff.username(), now);
            retireReplaced(article, staff.username(), now);
        } else {
            throw new AccessDeniedException("agents search the knowledge base but do not write it");
        }
        return indexed(articles.save(article));
    }

    /** The proposals waiting for the center; a department sees its own subtree's. */
    @Transactional(readOnly = true)
    public List<Article> proposals(Staff staff) {
        if (staff.isDepartment()) {
            return articles.findByStatusAndOwnerUnitIdInOrderByUpdatedAtAsc(ArticleStatus.PROPOSED, ownSubtree(staff));
        }
        return articles.findByStatusOrderByUpdatedAtAsc(ArticleStatus.PROPOSED);
    }

    @Transactional
    public Article approve(Staff staff, long id, String note) {
        requireCenter(staff);
        Article article = load(id);
        Instant now = clock.instant();
        article.approve(staff.username(), note, now);
        retireReplaced(article, staff.username(), now);
        return indexed(article);
    }

    @Transactional
    public Article reject(Staff staff, long id, String reason) {
        requireCenter(staff);
        Article article = load(id);
        article.reject(staff.username(), reason, clock.instant());
        return indexed(article);
    }

    @Transactional
    public Article retire(Staff staff, long id, String note) {
        requireCenter(staff);
        Article article = load(id);
        article.retire(staff.username(), note, clock.instant());
        return indexed(article);
    }

    /**
     * A case was answered directly from the article: counted once per case (a retried call that reaches
     * here again for the same case is not counted twice). Runs inside the case's transaction.
     */
    @Transactional
    public void recordUse(long articleId, long caseId) {
        Integer already = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_article_use WHERE case_id = ?",
                Integer.class, caseId);
        if (already != null && already > 0) {
            return;
        }
        articles.findById(articleId)
                .orElseThrow(() -> new InvalidArticleException("articleId", "no such knowledge article"))
                .requireCitable(today());
        articles.countUse(articleId);
        jdbc.update("INSERT INTO knowledge_article_use (article_id, case_id, used_at) VALUES (?, ?, ?)",
                articleId, caseId, java.sql.Timestamp.from(clock.instant()));
    }

    /** Approved or expired articles whose validity ends within the configured horizon; a department's own only. */
    @Transactional(readOnly = true)
    public List<Article> expiring(Staff staff) {
        List<Article> all = articles.findExpiringBy(today().plus(settings.expiringWithin()));
        return staff.isDepartment() ? all.stream().filter(a -> ownSubtree(staff).contains(a.getOwnerUnitId())).toList() : all;
    }

    /** A reminder that an article expired, as its owners see it. */
    public record Reminder(long articleId, String question, long ownerUnitId, LocalDate expiredOn, Instant createdAt) {
    }

    /** Reminders written by the daily expiry, newest first: a department's own subtree, the center all. */
    @Transactional(readOnly = true)
    public List<Reminder> reminders(Staff staff) {
        String sql = "SELECT r.article_id, a.question, r.owner_unit_id, r.expired_on, r.created_at"
                + " FROM knowledge_reminder r JOIN knowledge_article a ON a.id = r.article_id";
        List<Long> units = staff.isDepartment() ? ownSubtree(staff) : List.of();
        if (staff.isDepartment()) {
            sql += " WHERE r.owner_unit_id IN (" + String.join(",", units.stream().map(id -> "?").toList()) + ")";
        }
        return jdbc.query(sql + " ORDER BY r.created_at DESC, r.id DESC",
                (rs, i) -> new Reminder(rs.getLong(1), rs.getString(2), rs.getLong(3),
                        rs.getDate(4).toLocalDate(), rs.getTimestamp(5).toInstant()),
                units.toArray());
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(hotline.zone()));
    }

    private void retireReplaced(Article approved, String actor, Instant now) {
        if (approved.getReplacesId() != null) {
            Article replaced = load(approved.getReplacesId());
            if (replaced.getStatus() == ArticleStatus.APPROVED || replaced.getStatus() == ArticleStatus.EXPIRED) {
                replaced.retire(actor, "replaced by article " + approved.getId(), now);
                indexed(replaced);
            }
        }
    }

    private Article indexed(Article article) {
        indexing.afterCommit(article);
        return article;
    }

    private Article load(long id) {
        return articles.findById(id).orElseThrow(() -> new ArticleNotFoundException(id));
    }

    private boolean mayManage(Staff staff, Article article) {
        return isCenter(staff) || staff.isDepartment() && ownSubtree(staff).contains(article.getOwnerUnitId());
    }

    private List<Long> ownSubtree(Staff staff) {
        return units.findByPathStartingWith(staff.orgPath()).stream().map(OrgUnit::getId).toList();
    }

    private static boolean isCenter(Staff staff) {
        return staff.role() == Role.DISPATCHER || staff.role() == Role.SUPERVISOR || staff.role() == Role.ADMIN;
    }

    private static void requireCenter(Staff staff) {
        if (!isCenter(staff)) {
            throw new AccessDeniedException("only the center decides on articles");
        }
    }
}

package org.hotline8890.knowledge;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The daily expiry: approved articles past their valid-until date are marked expired (hidden from
 * search, which also checks the dates itself) and their owning unit gets a reminder in the
 * {@code knowledge_reminder} table, listed by {@link KnowledgeBase#reminders}. Several nodes may
 * run it at once: the article's version lets one win, and the reminder is unique per article and date.
 */
@Service
public class ArticleExpiry {

    private static final Logger log = LoggerFactory.getLogger(ArticleExpiry.class);

    private final ArticleRepository articles;
    private final KnowledgeBase knowledge;
    private final KnowledgeIndexing indexing;
    private final JdbcTemplate jdbc;
    private final Clock clock;

    ArticleExpiry(ArticleRepository articles, KnowledgeBase knowledge, KnowledgeIndexing indexing,
                  JdbcTemplate jdbc, Clock clock) {
        this.articles = articles;
        this.knowledge = knowledge;
        this.indexing = indexing;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(cron = "${hotline.knowledge.expiry-cron:0 10 1 * * *}", zone = "${hotline.zone:Asia/Shanghai}")
    void daily() {
        int expired = runNow();
        if (expired > 0) {
            log.info("{} knowledge articles expired; their units are reminded", expired);
        }
    }

    /** Returns how many articles expired in this run. */
    @Transactional
    public int runNow() {
        LocalDate today = knowledge.today();
        Instant now = clock.instant();
        List<Article> past = articles.findApprovedPast(today);
        for (Article article : past) {
            article.expireIfPast(today, now);
            indexing.afterCommit(article);
            Integer reminded = jdbc.queryForObject("SELECT COUNT(*) FROM knowledge_reminder WHERE article_id = ?"
                    + " AND expired_on = ?", Integer.class, article.getId(), Date.valueOf(article.getValidUntil()));
            if (reminded != null && reminded > 0) {
                continue;
            }
            try {
                jdbc.update("INSERT INTO knowledge_reminder (article_id, owner_unit_id, expired_on, created_at)"
                        + " VALUES (?, ?, ?, ?)", article.getId(), article.getOwnerUnitId(),
                        Date.valueOf(article.getValidUntil()), Timestamp.from(now));
            } catch (DuplicateKeyException alreadyReminded) {
                // Another node reminded the unit for this expiry at the same moment.
            }
        }
        return past.size();
    }
}

package org.hotline8890.knowledge;

import java.io.IOException;
import java.time.Instant;

import org.hotline8890.BackgroundBuild;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import jakarta.annotation.PreDestroy;

/**
 * Keeps this node's index in step with the shared table. Changes made here are indexed when their
 * transaction commits; changes made on other nodes are picked up by re-reading every row whose
 * {@code updated_at} is at or after the last one seen, less an overlap (clock differences, late
 * commits). Re-indexing a row twice is harmless, so the overlap only costs a little work.
 */
@Component
class KnowledgeIndexing {

    private static final Logger log = LoggerFactory.getLogger(KnowledgeIndexing.class);

    private final KnowledgeIndex index = new KnowledgeIndex();
    private final ArticleRepository articles;
    private final KnowledgeSettings settings;
    private Instant seenUpTo = Instant.EPOCH;
    private final BackgroundBuild firstBuild = new BackgroundBuild("knowledge index", () -> {
        int count = refresh();
        log.info("Knowledge base index built from {} articles", count);
    });

    KnowledgeIndexing(ArticleRepository articles, KnowledgeSettings settings) {
        this.articles = articles;
        this.settings = settings;
    }

    /** The index, once the whole table is in it: a search during start-up waits for the first build. */
    KnowledgeIndex index() {
        firstBuild.await();
        return index;
    }

    /** The whole table once the node is up (everything is newer than the epoch), on a thread of its own. */
    @EventListener(ApplicationReadyEvent.class)
    void build() {
        firstBuild.start();
    }

    @Scheduled(fixedDelayString = "${hotline.knowledge.refresh-interval:30s}",
            initialDelayString = "${hotline.knowledge.refresh-interval:30s}")
    void refreshScheduled() {
        refresh();
    }

    /** Re-indexes the rows changed since the last look; returns how many. */
    synchronized int refresh() {
        Instant since = seenUpTo.equals(Instant.EPOCH) ? Instant.EPOCH : seenUpTo.minus(settings.refreshOverlap());
        int count = 0;
        for (Article article : articles.findByUpdatedAtGreaterThanEqual(since)) {
            index.put(article);
            if (article.getUpdatedAt().isAfter(seenUpTo)) {
                seenUpTo = article.getUpdatedAt();
            }
            count++;
        }
        return count;
    }

    /** Indexes the article once the current transaction commits (at once when there is none). */
    void afterCommit(Article article) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            index.put(article);
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                index.put(article);
            }
        });
    }

    @PreDestroy
    void close() throws IOException {
        index.close();
    }
}

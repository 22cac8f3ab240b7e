package org.hotline8890.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * This node's in-memory index of the approved articles: question (weighted double) and answer,
 * analysed by smartcn, which splits "社保转移" into 社保 / 转移 so a short query matches words rather
 * than the whole phrase. Only approved articles are in it; validity dates are indexed as points so an
 * article stops being found the day after it expires, even before the daily job marks it expired.
 */
class KnowledgeIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String QUESTION = "question";
    private static final String ANSWER = "answer";
    private static final String FROM = "from";
    private static final String UNTIL = "until";
    /** An open-ended article is valid until the end of the epoch-day range. */
    private static final long FOREVER = Long.MAX_VALUE;

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;

    KnowledgeIndex() {
        try {
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(analyzer));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds, replaces or (when no longer approved) removes the article. */
    void put(Article article) {
        try {
            Term key = new Term(ID, article.getId().toString());
            if (article.getStatus() != ArticleStatus.APPROVED) {
                writer.deleteDocuments(key);
            } else {
                Document doc = new Document();
                doc.add(new StringField(ID, article.getId().toString(), Field.Store.YES));
                doc.add(new TextField(QUESTION, article.getQuestion(), Field.Store.NO));
                doc.add(new TextField(ANSWER, article.getAnswer(), Field.Store.NO));
                doc.add(new LongPoint(FROM, article.getValidFrom().toEpochDay()));
                doc.add(new LongPoint(UNTIL, article.getValidUntil() == null ? FOREVER : article.getValidUntil().toEpochDay()));
                writer.updateDocument(key, doc);
            }
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Article ids, best match first, valid on {@code day}. A query with no searchable word finds nothing. */
    List<Long> search(String text, LocalDate day, int limit) {
        Query words = parse(text);
        if (words == null) {
            return List.of();
        }
        long epochDay = day.toEpochDay();
        Query query = new BooleanQuery.Builder()
                .add(words, BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(FROM, Long.MIN_VALUE, epochDay), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(UNTIL, epochDay, FOREVER), BooleanClause.Occur.FILTER)
                .build();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                List<Long> ids = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query, limit).scoreDocs) {
                    ids.add(Long.valueOf(searcher.storedFields().document(hit.doc).get(ID)));
                }
                return ids;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Query parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        MultiFieldQueryParser parser = new MultiFieldQueryParser(new String[] {QUESTION, ANSWER}, analyzer,
                Map.of(QUESTION, 2.0f, ANSWER, 1.0f));
        // Any word may match (OR); articles matching more of them, and in the question, rank higher.
        parser.setDefaultOperator(QueryParser.Operator.OR);
        try {
            // What callers say is not query syntax: 投诉(噪音) must not be a parse error.
            return parser.parse(QueryParser.escape(text.strip()));
        } catch (ParseException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}

package org.hotline8890.merging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ObjIntConsumer;
import java.util.function.ToDoubleFunction;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * This node's in-memory index of the open cases, for finding the ones a request repeats. Lucene
 * (smartcn words, filtered by district and receiving time) finds the candidates fast; each candidate
 * is then scored by the cosine of the two texts' word weights (tf-idf, idf from the open cases), a
 * number from 0 to 1 that, unlike a Lucene score, means the same for a short and a long request and
 * so can be held against one configured threshold. Words every complaint uses (反映, 希望, ...) are
 * dropped: they say nothing about which matter it is.
 */
class OpenCaseIndex implements AutoCloseable {

    private static final String ID = "id";
    private static final String TEXT = "text";
    private static final String DISTRICT = "district";
    private static final String RECEIVED = "received";
    /** Lucene refuses more clauses; a longer text is cut to its first distinct words. */
    private static final int MAX_QUERY_WORDS = 512;
    private static final Set<String> HOTLINE_WORDS = Set.of("反映", "投诉", "举报", "咨询", "问题", "市民", "来电",
            "希望", "要求", "请求", "建议", "诉求", "处理", "解决", "相关", "部门", "有关", "尽快", "情况", "我们", "我",
            "你们", "他们", "现在", "一直", "已经", "没有", "严重", "影响", "存在", "进行", "经常", "非常", "表示", "称",
            "的", "了", "是", "在", "有", "和", "也", "都", "就", "很", "还", "被", "把", "对", "给", "让", "请");

    /**
     * An open case as it is put into the index. The time of receipt is kept to the second, as the table
     * stores it: a case put at its commit carries the clock's fraction, and the periodic rebuild, which
     * reads it back without one, would otherwise find every case made since the last rebuild changed and
     * analyse its text again (a tenth of the engine's CPU under steady intake on MariaDB).
     */
    record OpenCase(long id, String caseNumber, String subject, String districtCode, Instant receivedAt, String text) {
        OpenCase {
            receivedAt = receivedAt.truncatedTo(ChronoUnit.SECONDS);
        }

        Indexed indexed() {
            return new Indexed(id, caseNumber, subject, districtCode, receivedAt);
        }
    }

    /** What the index keeps of an open case besides its words: not the text, which it has analysed. */
    record Indexed(long id, String caseNumber, String subject, String districtCode, Instant receivedAt) {
    }

    record Match(Indexed openCase, double score) {
    }

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    /** Each indexed case's word counts, for the exact score. */
    private final Map<Long, Entry> entries = new ConcurrentHashMap<>();
    /** In how many indexed cases each word occurs: kept here, cheaper than asking Lucene per word. */
    private final Map<String, Integer> documentFrequency = new ConcurrentHashMap<>();
    /** Writes since the searchers were last refreshed. */
    private final AtomicBoolean stale = new AtomicBoolean();

    /** {@code textHash} tells a changed text without keeping it (every open case's text, in every node's heap). */
    private record Entry(Indexed openCase, long textHash, Words words) {
    }

    OpenCaseIndex() {
        try {
            // The text is split by smartcn once, in words(); the index keeps those words as they are.
            writer = new IndexWriter(new ByteBuffersDirectory(), new IndexWriterConfig(new WhitespaceAnalyzer()));
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds or replaces an open case. A case that changed state but not its text, district or time
     * of receipt (most changes) is left as it is: analysing the text again was a fifth of an intake's CPU.
     */
    void put(OpenCase c) {
        Entry current = entries.get(c.id());
        Indexed indexed = c.indexed();
        long textHash = textHash(c.text());
        if (current == null || !current.openCase().equals(indexed) || current.textHash() != textHash) {
            write(new Entry(indexed, textHash, Words.of(words(c.text()))));
        }
    }

    /** 64-bit FNV-1a over the text's chars: a changed text goes unnoticed once in 2^64. */
    private static long textHash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /**
     * Makes every write so far visible to searches. Done before a search, not after each write: reopening
     * the reader per write cost more than the rest of the indexing, and only staff pages search, far
     * less often than cases change (docs/benchmarks.md, channel burst).
     */
    private void refresh() {
        if (!stale.getAndSet(false)) {
            return;
        }
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            stale.set(true);
            throw new UncheckedIOException(e);
        }
    }

    private void write(Entry entry) {
        Indexed c = entry.openCase();
        Words words = entry.words();
        try {
            Document doc = new Document();
            doc.add(new StringField(ID, Long.toString(c.id()), Field.Store.YES));
            doc.add(new TextField(TEXT, String.join(" ", expand(words)), Field.Store.NO));
            doc.add(new StringField(DISTRICT, c.districtCode() == null ? "" : c.districtCode(), Field.Store.NO));
            doc.add(new LongPoint(RECEIVED, c.receivedAt().toEpochMilli()));
            writer.updateDocument(new Term(ID, Long.toString(c.id())), doc);
            stale.set(true);
            forget(entries.put(c.id(), entry));
            words.forEach((w, n) -> documentFrequency.merge(w, 1, Integer::sum));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A case's word counts as the index keeps them: one String per distinct word rather than one per case
     * using it, in two flat arrays. The index holds every open case's words in each node's heap; kept as
     * analysed they took about 3.5 KiB per case, 400 MiB of a 512 MiB heap at 116,000 open cases, and as an
     * immutable map still twice what the arrays take (docs/benchmarks.md, "Deadlines").
     */
    private static final class Words {
        private final String[] words;
        private final int[] counts;

        private Words(String[] words, int[] counts) {
            this.words = words;
            this.counts = counts;
        }

        static Words of(Map<String, Integer> counted) {
            String[] words = new String[counted.size()];
            int[] counts = new int[counted.size()];
            int i = 0;
            for (Map.Entry<String, Integer> e : counted.entrySet()) {
                words[i] = e.getKey().intern();
                counts[i++] = e.getValue();
            }
            return new Words(words, counts);
        }

        void forEach(ObjIntConsumer<String> action) {
            for (int i = 0; i < words.length; i++) {
                action.accept(words[i], counts[i]);
            }
        }

        Map<String, Integer> asMap() {
            Map<String, Integer> map = new HashMap<>(words.length * 2);
            forEach(map::put);
            return map;
        }
    }

    /** Forgets a case (finished, merged): it can no longer be repeated. */
    void remove(long id) {
        try {
            writer.deleteDocuments(new Term(ID, Long.toString(id)));
            stale.set(true);
            forget(entries.remove(id));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void forget(Entry old) {
        if (old != null) {
            old.words().forEach((w, count) -> documentFrequency.computeIfPresent(w, (k, n) -> n > 1 ? n - 1 : null));
        }
    }

    /** Drops the indexed cases up to {@code ceiling} that are not in {@code open}; those above it stay. */
    synchronized void retainUpTo(Set<Long> open, long ceiling) {
        List.copyOf(entries.keySet()).stream().filter(id -> id <= ceiling && !open.contains(id)).forEach(this::remove);
    }

    Collection<Indexed> all() {
        return entries.values().stream().map(Entry::openCase).toList();
    }

    int size() {
        return entries.size();
    }

    /**
     * The open cases whose text scores at least {@code minScore} against {@code text}, best first:
     * of {@code district} (any when blank), received between {@code from} and {@code to}, never the
     * case {@code excludeId}.
     */
    List<Match> similar(String text, String district, Instant from, Instant to, Long excludeId, double minScore,
                        int candidates) {
        return similar(words(text), district, from, to, excludeId, minScore, candidates);
    }

    /** The same for an indexed case's own words, as if its text were analysed again; none if it is not indexed. */
    List<Match> similarTo(Indexed c, Instant from, Instant to, double minScore, int candidates) {
        Entry entry = entries.get(c.id());
        return entry == null ? List.of()
                : similar(entry.words().asMap(), c.districtCode(), from, to, c.id(), minScore, candidates);
    }

    private List<Match> similar(Map<String, Integer> probe, String district, Instant from, Instant to, Long excludeId,
                                double minScore, int candidates) {
        if (probe.isEmpty()) {
            return List.of();
        }
        BooleanQuery.Builder anyWord = new BooleanQuery.Builder();
        probe.keySet().stream().limit(MAX_QUERY_WORDS)
                .forEach(w -> anyWord.add(new TermQuery(new Term(TEXT, w)), BooleanClause.Occur.SHOULD));
        BooleanQuery.Builder query = new BooleanQuery.Builder()
                .add(anyWord.build(), BooleanClause.Occur.MUST)
                .add(LongPoint.newRangeQuery(RECEIVED, from.toEpochMilli(), to.toEpochMilli()), BooleanClause.Occur.FILTER);
        if (district != null && !district.isBlank()) {
            query.add(new TermQuery(new Term(DISTRICT, district)), BooleanClause.Occur.FILTER);
        }
        if (excludeId != null) {
            query.add(new TermQuery(new Term(ID, excludeId.toString())), BooleanClause.Occur.MUST_NOT);
        }
        refresh();
        try {
            IndexSearcher searcher = searchers.acquire();
            try {
                Map<String, Double> idf = new HashMap<>();
                int n = entries.size();
                List<Match> matches = new ArrayList<>();
                for (ScoreDoc hit : searcher.search(query.build(), candidates).scoreDocs) {
                    long id = Long.parseLong(searcher.storedFields().document(hit.doc).get(ID));
                    Entry entry = entries.get(id);
                    if (entry == null) {
                        continue;
                    }
                    double score = cosine(probe, entry.words(), w -> idf.computeIfAbsent(w, x -> idf(n, x)));
                    if (score >= minScore) {
                        matches.add(new Match(entry.openCase(), score));
                    }
                }
                matches.sort((a, b) -> Double.compare(b.score(), a.score()));
                return matches;
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The words of a text as smartcn splits it, with their counts, less punctuation and hotline words. */
    Map<String, Integer> words(String text) {
        Map<String, Integer> counts = new HashMap<>();
        if (text == null || text.isBlank()) {
            return counts;
        }
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            StringBuilder run = new StringBuilder();
            while (tokens.incrementToken()) {
                String w = term.toString();
                if (!HOTLINE_WORDS.contains(w) && w.codePoints().anyMatch(Character::isLetterOrDigit)) {
                    counts.merge(w, 1, Integer::sum);
                    run.append(w);
                } else {
                    pairsOfCharacters(run, counts);
                }
            }
            pairsOfCharacters(run, counts);
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /**
     * Two neighbouring characters of a run of kept words, marked so they never equal a word: they
     * match where smartcn splits the same thing differently in two texts.
     */
    private static void pairsOfCharacters(StringBuilder run, Map<String, Integer> counts) {
        int[] cps = run.codePoints().toArray();
        for (int i = 0; i + 1 < cps.length; i++) {
            if (Character.isIdeographic(cps[i]) && Character.isIdeographic(cps[i + 1])) {
                counts.merge("_" + new String(cps, i, 2), 1, Integer::sum);
            }
        }
        run.setLength(0);
    }

    private static List<String> expand(Words words) {
        List<String> all = new ArrayList<>();
        words.forEach((w, n) -> {
            for (int i = 0; i < n; i++) {
                all.add(w);
            }
        });
        return all;
    }

    /** Rarer words weigh more; a word no open case has weighs most. Smoothed so it is never 0. */
    private double idf(int documents, String word) {
        int df = documentFrequency.getOrDefault(word, 0);
        return Math.log((documents + 1.0) / (df + 1.0)) + 1.0;
    }

    private static double cosine(Map<String, Integer> a, Words b, ToDoubleFunction<String> idf) {
        double na = 0;
        for (var e : a.entrySet()) {
            double wa = weight(e.getValue()) * idf.applyAsDouble(e.getKey());
            na += wa * wa;
        }
        double[] dotAndNorm = new double[2];
        b.forEach((word, count) -> {
            double wb = weight(count) * idf.applyAsDouble(word);
            dotAndNorm[1] += wb * wb;
            Integer inA = a.get(word);
            if (inA != null) {
                dotAndNorm[0] += weight(inA) * idf.applyAsDouble(word) * wb;
            }
        });
        double nb = dotAndNorm[1];
        return na == 0 || nb == 0 ? 0 : dotAndNorm[0] / Math.sqrt(na * nb);
    }

    /** Repeating a word in one text counts, but less than using another word. */
    private static double weight(int count) {
        return 1 + Math.log(count);
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
    }
}

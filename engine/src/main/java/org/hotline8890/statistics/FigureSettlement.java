package org.hotline8890.statistics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.FoldableCase;
import org.hotline8890.cases.SettledFiguresChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Folds the figures of settled cases ({@link Settlement}) into the stored daily totals ({@link FigureStore})
 * and marks each case folded, in one transaction per batch (the oldest first); takes a folded case back when it changes.
 *
 * <p>Each case is added exactly once: a batch locks its cases' rows before it reads them, skips those
 * already marked, and marks and adds the rest in the same transaction. So two nodes folding at once add
 * each case once (the second waits for the first's locks and then finds the cases marked). The mark also
 * raises the case's version, so a change by someone who loaded the case before the fold fails on the
 * version, as any concurrent change to a case does, instead of going unnoticed.
 */
@Service
public class FigureSettlement {

    private static final Logger log = LoggerFactory.getLogger(FigureSettlement.class);

    private final CaseRepository cases;
    private final FigureStore store;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final SettlementSettings settings;
    private final ZoneId zone;
    private final Clock clock;

    FigureSettlement(CaseRepository cases, FigureStore store, JdbcTemplate jdbc, TransactionTemplate transaction,
                     SettlementSettings settings, HotlineProperties properties, Clock clock) {
        this.cases = cases;
        this.store = store;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.settings = settings;
        this.zone = properties.zone();
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${hotline.statistics.settlement.interval:PT1M}",
            fixedDelayString = "${hotline.statistics.settlement.interval:PT1M}")
    void scheduled() {
        int folded = settleNow();
        if (folded > 0) {
            log.debug("Folded the figures of {} settled cases into the stored totals", folded);
        }
    }

    /** Folds every case settled by now (less the grace), batch by batch; returns how many it folded. */
    public int settleNow() {
        Instant cutoff = clock.instant().minus(settings.grace());
        int total = 0;
        while (true) {
            List<Long> ids = cases.findSettleableIds(CaseStatus.finalStatuses(), cutoff, PageRequest.of(0, settings.batch()));
            if (ids.isEmpty()) {
                return total;
            }
            int folded = transaction.execute(tx -> fold(ids, cutoff));
            total += folded;
            // A short batch was the last; a batch that folded nothing (another node took them all) ends the run too.
            if (ids.size() < settings.batch() || folded == 0) {
                return total;
            }
        }
    }

    /**
     * Locks the candidates first (a locking read, before the transaction's first plain read, so the inputs read
     * next are the latest and stay so until the commit), then folds those still unfolded and settled.
     */
    private int fold(List<Long> ids, Instant cutoff) {
        String in = ids.stream().map(id -> "?").collect(Collectors.joining(", ", "(", ")"));
        jdbc.queryForList("SELECT id FROM hotline_case WHERE id IN " + in + " FOR UPDATE", Long.class, ids.toArray());
        Map<FigureStore.Key, Tally> parts = new TreeMap<>();
        List<Long> folding = new ArrayList<>();
        for (FoldableCase c : cases.findFoldable(ids)) {
            if (!c.folded() && Settlement.isSettled(c.inputs(), cutoff)) {
                Settlement.contribute(c.inputs(), zone, parts);
                folding.add(c.id());
            }
        }
        if (folding.isEmpty()) {
            return 0;
        }
        String marking = folding.stream().map(id -> "?").collect(Collectors.joining(", ", "(", ")"));
        int marked = jdbc.update("UPDATE hotline_case SET figures_settled = TRUE, version = version + 1"
                + " WHERE figures_settled = FALSE AND id IN " + marking, folding.toArray());
        if (marked != folding.size()) {
            // Cannot happen while the rows are locked; if it does, nothing of this batch is kept.
            throw new IllegalStateException("marked " + marked + " of " + folding.size() + " locked cases as folded");
        }
        store.add(parts);
        return marked;
    }

    /**
     * A folded case changed what its figures read: its folded part leaves the totals and the case is
     * computed live again until it settles anew. In the transaction of the change (the case's save), so
     * both happen or neither; the guard on the mark takes a case back once however often it changes.
     */
    @EventListener
    @Transactional
    void settledFiguresChanged(SettledFiguresChanged change) {
        int unmarked = jdbc.update("UPDATE hotline_case SET figures_settled = FALSE WHERE id = ? AND figures_settled = TRUE",
                change.subject().getId());
        if (unmarked == 1) {
            Map<FigureStore.Key, Tally> parts = new HashMap<>();
            Settlement.contribute(change.folded(), zone, parts);
            parts.replaceAll((key, part) -> part.negated());
            store.add(parts);
        }
    }
}

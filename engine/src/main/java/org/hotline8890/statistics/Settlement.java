package org.hotline8890.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.hotline8890.cases.FigureInputs;

/**
 * The rule for when a case's figures are settled: they can no longer change with time. {@link Tally#add}
 * reads the clock only for an unfinished case (open, overdue) and for a deadline neither met nor yet
 * passed (sign-for, handling, the sub-center's sign-for). So a finished case whose every such deadline was
 * met or passed before {@code cutoff} adds the same at every instant from {@code cutoff} on; only a change
 * to the case itself can move it again ({@link FigureSettlement} takes such a change back).
 * {@link org.hotline8890.cases.CaseRepository#findSettleableIds} is the same test as a query.
 */
final class Settlement {

    /**
     * The instant at which settled figures are computed, when folded and when taken back: later than every
     * deadline, so the same for every settled case whenever it is folded (and equal to what any report
     * computes for it from its cutoff on).
     */
    static final Instant AFTER_ALL_DEADLINES = Instant.MAX;

    private Settlement() {
    }

    static boolean isSettled(FigureInputs c, Instant cutoff) {
        if (!c.status().isFinal()) {
            return false;
        }
        if (c.dispatchedAt() != null && (!metOrPassed(c.signedAt(), c.signBy(), cutoff)
                || !metOrPassed(c.repliedAt(), c.handleBy(), cutoff))) {
            return false;
        }
        return !c.hasSubCenterSignFor() || metOrPassed(c.subCenterSignedAt(), c.subCenterSignBy(), cutoff);
    }

    private static boolean metOrPassed(Instant done, Instant deadline, Instant cutoff) {
        return done != null || (deadline != null && deadline.isBefore(cutoff));
    }

    /** What a settled case adds to the stored totals: one tally per kind of group it belongs to. */
    static void contribute(FigureInputs c, ZoneId zone, Map<FigureStore.Key, Tally> into) {
        Tally part = new Tally().add(c, AFTER_ALL_DEADLINES);
        LocalDate received = LocalDate.ofInstant(c.receivedAt(), zone);
        merge(into, new FigureStore.Key(FigureStore.Kind.DEPARTMENT, received, key(c.departmentId())), part);
        merge(into, new FigureStore.Key(FigureStore.Kind.DISTRICT, received, key(c.districtCode())), part);
        if (c.hasSubCenterSignFor()) {
            merge(into, new FigureStore.Key(FigureStore.Kind.SUB_CENTER, received, key(c.subCenterId())), part);
        }
        if (c.regionReceivedAt() != null) {
            merge(into, new FigureStore.Key(FigureStore.Kind.REGION, LocalDate.ofInstant(c.regionReceivedAt(), zone),
                    key(c.regionCode())), part);
        }
    }

    private static void merge(Map<FigureStore.Key, Tally> into, FigureStore.Key key, Tally part) {
        into.computeIfAbsent(key, k -> new Tally()).plus(part);
    }

    /** The group key a stored row has: the id or code as text, empty when the case has none. */
    static String key(Object group) {
        return group == null ? "" : group.toString();
    }
}

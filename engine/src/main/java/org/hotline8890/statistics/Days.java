package org.hotline8890.statistics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

import org.hotline8890.cases.HotlineCase;

/**
 * A period {@code [from, to)} split at the hotline's day boundaries: the whole days {@code [first, end)},
 * whose settled cases the stored totals hold, and the edges before and after them (when the period does not
 * start or end at midnight), whose cases are all computed live. Every caller today passes midnights
 * (whole days or months), so the edges are empty; they are there so that any period is still exact.
 */
record Days(Instant from, Instant to, LocalDate first, LocalDate end, Instant wholeFrom, Instant wholeTo) {

    static Days of(Instant from, Instant to, ZoneId zone) {
        if (!from.isBefore(to)) {
            LocalDate none = LocalDate.ofInstant(from, zone);
            return new Days(from, from, none, none, from, from);
        }
        LocalDate first = LocalDate.ofInstant(from, zone);
        if (first.atStartOfDay(zone).toInstant().isBefore(from)) {
            first = first.plusDays(1);
        }
        LocalDate end = LocalDate.ofInstant(to, zone);
        if (!first.isBefore(end)) {
            // Not one whole day: everything is an edge.
            return new Days(from, to, first, first, to, to);
        }
        return new Days(from, to, first, end, first.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant());
    }

    /**
     * The cases to compute live: every case of the edges ({@code all}) and the not yet folded ones of the
     * whole days ({@code unsettled}), each query given a {@code [from, to)}.
     */
    List<HotlineCase> live(BiFunction<Instant, Instant, List<HotlineCase>> all,
                           BiFunction<Instant, Instant, List<HotlineCase>> unsettled) {
        List<HotlineCase> live = new ArrayList<>();
        if (from.isBefore(wholeFrom)) {
            live.addAll(all.apply(from, wholeFrom));
        }
        if (wholeFrom.isBefore(wholeTo)) {
            live.addAll(unsettled.apply(wholeFrom, wholeTo));
        }
        if (wholeTo.isBefore(to)) {
            live.addAll(all.apply(wholeTo, to));
        }
        return live;
    }
}

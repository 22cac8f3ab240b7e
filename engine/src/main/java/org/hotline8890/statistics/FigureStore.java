package org.hotline8890.statistics;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The stored totals of settled cases (case_figure_day): one row of {@link Tally} counters per kind of
 * group, day in the hotline's time zone, and group. Rows only grow by addition (a negative one takes a
 * case back), so two nodes adding at once only wait for each other's row locks, taken in key order.
 */
@Repository
class FigureStore {

    /** What a row groups by; see V35__settled_figures.sql. */
    enum Kind { DEPARTMENT, SUB_CENTER, DISTRICT, REGION }

    record Key(Kind kind, LocalDate day, String group) implements Comparable<Key> {

        private static final Comparator<Key> ORDER = Comparator.comparing(Key::kind).thenComparing(Key::day)
                .thenComparing(Key::group);

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    private static final List<Tally.Count> STORED = Arrays.stream(Tally.Count.values()).filter(Tally.Count::stored).toList();
    private static final String COLUMNS = STORED.stream().map(c -> c.column).collect(Collectors.joining(", "));
    private static final String SUMS = STORED.stream().map(c -> "SUM(" + c.column + ")").collect(Collectors.joining(", "));
    // MySQL syntax, which MariaDB and H2 in MySQL mode (the embedded database) both take.
    private static final String ADD = "INSERT INTO case_figure_day (kind, figure_day, group_key, " + COLUMNS + ") VALUES (?, ?, ?, "
            + STORED.stream().map(c -> "?").collect(Collectors.joining(", ")) + ") ON DUPLICATE KEY UPDATE "
            + STORED.stream().map(c -> c.column + " = " + c.column + " + VALUES(" + c.column + ")").collect(Collectors.joining(", "));

    private final JdbcTemplate jdbc;

    FigureStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds each tally to its row, in key order so that concurrent additions cannot deadlock. */
    void add(Map<Key, Tally> tallies) {
        List<Map.Entry<Key, Tally>> rows = new ArrayList<>(tallies.entrySet());
        rows.removeIf(e -> e.getValue().isEmpty());
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Map.Entry.comparingByKey());
        jdbc.batchUpdate(ADD, rows, rows.size(), (PreparedStatement ps, Map.Entry<Key, Tally> row) -> {
            ps.setString(1, row.getKey().kind().name());
            ps.setObject(2, row.getKey().day());
            ps.setString(3, row.getKey().group());
            for (int i = 0; i < STORED.size(); i++) {
                ps.setLong(4 + i, row.getValue().get(STORED.get(i)));
            }
        });
    }

    /** The totals of each group over the days {@code [first, end)}. */
    Map<String, Tally> byGroup(Kind kind, LocalDate first, LocalDate end) {
        return sum("group_key", kind, first, end, rs -> rs.getString(1));
    }

    /** The totals of each day in {@code [first, end)} over all groups. */
    Map<LocalDate, Tally> byDay(Kind kind, LocalDate first, LocalDate end) {
        return sum("figure_day", kind, first, end, rs -> rs.getObject(1, LocalDate.class));
    }

    private interface Column<K> {
        K read(ResultSet rs) throws SQLException;
    }

    private <K> Map<K, Tally> sum(String by, Kind kind, LocalDate first, LocalDate end, Column<K> key) {
        Map<K, Tally> sums = new HashMap<>();
        if (!first.isBefore(end)) {
            return sums;
        }
        jdbc.query("SELECT " + by + ", " + SUMS + " FROM case_figure_day WHERE kind = ? AND figure_day >= ? AND figure_day < ? GROUP BY " + by,
                rs -> {
                    Tally tally = new Tally();
                    for (int i = 0; i < STORED.size(); i++) {
                        tally.set(STORED.get(i), rs.getLong(2 + i));
                    }
                    sums.put(key.read(rs), tally);
                }, kind.name(), first, end);
        return sums;
    }
}

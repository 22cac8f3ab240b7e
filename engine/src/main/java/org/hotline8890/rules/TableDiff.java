package org.hotline8890.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.hotline8890.rules.RuleTable.Column;
import org.hotline8890.rules.RuleTable.Row;

/**
 * The rows that differ between two versions, as lines a person can read: {@code +} added, {@code -}
 * removed, {@code ~} changed (with each changed cell, before → after), {@code ↕} moved. Rows are matched
 * by their rule id, so editing a cell reads as a change, not as a removal and an addition. Moves matter
 * because the tables use the FIRST hit policy: the order decides which row wins.
 */
final class TableDiff {

    private TableDiff() {
    }

    static List<String> between(RuleTable before, List<Row> after) {
        Map<String, Integer> oldIndex = new HashMap<>();
        for (int i = 0; i < before.rows().size(); i++) {
            oldIndex.put(before.rows().get(i).id(), i);
        }
        List<String> lines = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (int i = 0; i < after.size(); i++) {
            Row row = after.get(i);
            Integer was = row.id() == null ? null : oldIndex.get(row.id());
            if (was == null || kept.contains(row.id())) {
                lines.add("+ row " + (i + 1) + ": " + describe(before, row));
                continue;
            }
            kept.add(row.id());
            Row old = before.rows().get(was);
            if (!old.sameRuleAs(row)) {
                lines.add("~ row " + (i + 1) + ": " + changes(before, old, row));
            }
        }
        for (int i = 0; i < before.rows().size(); i++) {
            Row old = before.rows().get(i);
            if (!kept.contains(old.id())) {
                lines.add("- row " + (i + 1) + ": " + describe(before, old));
            }
        }
        List<String> oldOrder = before.rows().stream().map(Row::id).filter(kept::contains).toList();
        List<String> newOrder = after.stream().map(Row::id).filter(kept::contains).distinct().toList();
        for (int i = 0; i < newOrder.size(); i++) {
            if (!newOrder.get(i).equals(oldOrder.get(i))) {
                int from = oldIndex.get(newOrder.get(i)) + 1;
                int to = indexOf(after, newOrder.get(i)) + 1;
                lines.add("↕ row " + from + " → " + to + ": " + describe(before, after.get(to - 1)));
            }
        }
        return lines;
    }

    private static int indexOf(List<Row> rows, String id) {
        for (int i = 0; i < rows.size(); i++) {
            if (id.equals(rows.get(i).id())) {
                return i;
            }
        }
        return -1;
    }

    static String describe(RuleTable table, Row row) {
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < table.inputs().size(); c++) {
            text.append(c == 0 ? "" : ", ").append(table.inputs().get(c).label()).append(' ').append(cell(row.inputs(), c));
        }
        text.append(" ⇒ ");
        for (int c = 0; c < table.outputs().size(); c++) {
            text.append(c == 0 ? "" : ", ").append(table.outputs().get(c).label()).append(' ').append(cell(row.outputs(), c));
        }
        if (!row.annotation().isEmpty()) {
            text.append(" (").append(row.annotation()).append(')');
        }
        return text.toString();
    }

    private static String changes(RuleTable table, Row old, Row now) {
        List<String> parts = new ArrayList<>();
        compare(table.inputs(), old.inputs(), now.inputs(), parts);
        compare(table.outputs(), old.outputs(), now.outputs(), parts);
        if (!old.annotation().equals(now.annotation())) {
            parts.add("annotation \"" + old.annotation() + "\" → \"" + now.annotation() + "\"");
        }
        return String.join("; ", parts);
    }

    private static void compare(List<Column> columns, List<String> old, List<String> now, List<String> parts) {
        for (int c = 0; c < columns.size(); c++) {
            if (!cell(old, c).equals(cell(now, c))) {
                parts.add(columns.get(c).label() + " " + cell(old, c) + " → " + cell(now, c));
            }
        }
    }

    private static String cell(List<String> cells, int c) {
        return c < cells.size() && !cells.get(c).isEmpty() ? cells.get(c) : "-";
    }
}

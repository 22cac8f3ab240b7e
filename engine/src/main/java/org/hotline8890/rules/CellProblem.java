package org.hotline8890.rules;

import java.util.List;

/**
 * What is wrong with one cell: {@code row} counts from 1 as the administrator sees it (0 = the table as
 * a whole), {@code column} is the column's label. {@code code} is a message key, {@code args} its values.
 */
record CellProblem(int row, String column, int columnIndex, boolean output, String code, List<String> args) {

    static CellProblem input(int row, int index, String label, String code, String... args) {
        return new CellProblem(row, label, index, false, code, List.of(args));
    }

    static CellProblem output(int row, int index, String label, String code, String... args) {
        return new CellProblem(row, label, index, true, code, List.of(args));
    }

    static CellProblem table(String code, String... args) {
        return new CellProblem(0, "", -1, false, code, List.of(args));
    }

    /** Identifies the cell in a form: r0-i1 is the first row's second input. */
    String cellId() {
        return row == 0 ? "table" : "r" + (row - 1) + (output ? "-o" : "-i") + columnIndex;
    }
}

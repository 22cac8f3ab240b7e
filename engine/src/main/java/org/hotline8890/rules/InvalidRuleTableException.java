package org.hotline8890.rules;

import java.util.List;

/** The edited table was refused: nothing was deployed, and each problem names its cell. */
class InvalidRuleTableException extends RuntimeException {

    private final List<CellProblem> problems;

    InvalidRuleTableException(List<CellProblem> problems) {
        super("the table has " + problems.size() + " invalid cell(s)");
        this.problems = List.copyOf(problems);
    }

    List<CellProblem> problems() {
        return problems;
    }
}

package org.hotline8890.duty;

import java.util.List;

/** The entry or import was refused as a whole; nothing was saved. */
public class RosterRefusedException extends RuntimeException {

    private final transient List<RosterProblem> problems;

    RosterRefusedException(List<RosterProblem> problems) {
        super(problems.stream().map(RosterProblem::describe).reduce((a, b) -> a + "; " + b).orElse("refused"));
        this.problems = List.copyOf(problems);
    }

    public List<RosterProblem> problems() {
        return problems;
    }
}

package org.hotline8890.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.engine.variable.Variables;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.EscalationAction;
import org.hotline8890.cases.EscalationOffset;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.rules.RuleTable.Column;
import org.hotline8890.rules.RuleTable.Row;

/**
 * Checks an edited table cell by cell before anything is deployed: each input entry must be a FEEL
 * unary test the engine accepts, each output a literal of its column's type; and where a column names
 * something of ours (a case type, category, district, department, clock), the names must exist, since
 * a misspelt department would silently leave cases undispatched.
 */
final class RuleTableValidator {

    private static final Pattern STRING_LITERAL = Pattern.compile("^\"[^\"\\\\]*\"$");
    private static final Pattern INTEGER_LITERAL = Pattern.compile("^-?\\d{1,9}$");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"\\\\]*)\"");
    private static final Set<String> SIGN_CLOCKS = Set.of("WORKING", "WALL");
    private static final Set<String> HANDLE_UNITS = Set.of("WORKING_DAYS", "HOURS");
    private static final Set<String> ESCALATION_ACTIONS = Arrays.stream(EscalationAction.values()).map(Enum::name)
            .collect(Collectors.toSet());
    /** The name under which the DMN engine hands the input value to an input entry. */
    private static final String CELL_INPUT = "cellInput";

    private final FeelEngine feel;
    private final Organisation organisation;

    RuleTableValidator(FeelEngine feel, Organisation organisation) {
        this.feel = feel;
        this.organisation = organisation;
    }

    List<CellProblem> problems(RuleTable table, List<Row> rows) {
        List<CellProblem> problems = new ArrayList<>();
        if (rows.isEmpty()) {
            problems.add(CellProblem.table("rules.error.noRows"));
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            for (int c = 0; c < table.inputs().size(); c++) {
                String cell = c < row.inputs().size() ? row.inputs().get(c) : "";
                checkInput(r + 1, c, table.inputs().get(c), cell, problems);
            }
            for (int c = 0; c < table.outputs().size(); c++) {
                String cell = c < row.outputs().size() ? row.outputs().get(c) : "";
                checkOutput(r + 1, c, table.outputs().get(c), cell, problems);
            }
        }
        return problems;
    }

    private void checkInput(int row, int index, Column column, String cell, List<CellProblem> problems) {
        if (cell.isEmpty() || cell.equals("-")) {
            return;
        }
        try {
            feel.evaluateSimpleUnaryTests(cell, CELL_INPUT,
                    Variables.createVariables().putValue(CELL_INPUT, sample(column)).asVariableContext());
        } catch (RuntimeException e) {
            problems.add(CellProblem.input(row, index, column.label(), "rules.error.feel", cell));
            return;
        }
        Predicate<String> known = knownValues(column.name());
        if (known == null) {
            return;
        }
        Matcher quoted = QUOTED.matcher(cell);
        while (quoted.find()) {
            if (!known.test(quoted.group(1))) {
                problems.add(CellProblem.input(row, index, column.label(), unknownCode(column.name()), quoted.group(1)));
            }
        }
    }

    private void checkOutput(int row, int index, Column column, String cell, List<CellProblem> problems) {
        if (cell.isEmpty()) {
            problems.add(CellProblem.output(row, index, column.label(), "rules.error.required"));
            return;
        }
        if ("integer".equals(column.typeRef()) || "long".equals(column.typeRef())) {
            if (!INTEGER_LITERAL.matcher(cell).matches()) {
                problems.add(CellProblem.output(row, index, column.label(), "rules.error.integer", cell));
            } else if (Integer.parseInt(cell) <= 0) {
                problems.add(CellProblem.output(row, index, column.label(), "rules.error.positive", cell));
            }
            return;
        }
        if (!STRING_LITERAL.matcher(cell).matches()) {
            problems.add(CellProblem.output(row, index, column.label(), "rules.error.string", cell));
            return;
        }
        String value = cell.substring(1, cell.length() - 1);
        switch (column.name()) {
            case "department" -> {
                if (organisation.byCode(value).filter(u -> u.getKind() == OrgUnitKind.DEPARTMENT).isEmpty()) {
                    problems.add(CellProblem.output(row, index, column.label(), "rules.error.unknownDepartment", value));
                }
            }
            case "signClock" -> oneOf(row, index, column, value, SIGN_CLOCKS, problems);
            case "handleUnit" -> oneOf(row, index, column, value, HANDLE_UNITS, problems);
            case "action" -> oneOf(row, index, column, value, ESCALATION_ACTIONS, problems);
            case "offset" -> {
                if (EscalationOffset.parse(value).isEmpty()) {
                    problems.add(CellProblem.output(row, index, column.label(), "rules.error.offset", value,
                            EscalationOffset.FORMS));
                }
            }
            default -> { }
        }
    }

    private static void oneOf(int row, int index, Column column, String value, Set<String> allowed,
                              List<CellProblem> problems) {
        if (!allowed.contains(value)) {
            problems.add(CellProblem.output(row, index, column.label(), "rules.error.oneOf", value,
                    allowed.stream().sorted().collect(Collectors.joining(", "))));
        }
    }

    /** What the quoted values of an input column must be; null when the column names nothing of ours. */
    private Predicate<String> knownValues(String input) {
        return switch (input) {
            case "type" -> v -> Arrays.stream(CaseType.values()).anyMatch(t -> t.name().equals(v));
            case "urgency" -> v -> Arrays.stream(Urgency.values()).anyMatch(u -> u.name().equals(v));
            case "category" -> organisation::categoryExists;
            case "district" -> v -> organisation.byCode(v)
                    .filter(u -> u.getKind() == OrgUnitKind.DISTRICT || u.getKind() == OrgUnitKind.CITY).isPresent();
            default -> null;
        };
    }

    private static String unknownCode(String input) {
        return switch (input) {
            case "type" -> "rules.error.unknownType";
            case "urgency" -> "rules.error.unknownUrgency";
            case "category" -> "rules.error.unknownCategory";
            default -> "rules.error.unknownDistrict";
        };
    }

    private static Object sample(Column column) {
        return "integer".equals(column.typeRef()) || "long".equals(column.typeRef()) ? 0 : "";
    }
}

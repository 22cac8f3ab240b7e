package org.hotline8890.rules;

import java.util.List;

/**
 * One deployed version of a decision table, reduced to what an administrator edits: the rows. The
 * columns come from the deployed table and cannot be changed here, because the code that evaluates
 * the decision passes exactly those inputs and reads exactly those outputs.
 */
record RuleTable(String key, String name, String hitPolicy, int version, List<Column> inputs, List<Column> outputs,
                 List<Row> rows) {

    /** An input column (name = its input expression) or an output column (name = the output's name). */
    record Column(String label, String name, String typeRef) {
    }

    /** A rule. The id keeps a row recognisable across versions, so a diff can say "changed" rather than "replaced". */
    record Row(String id, List<String> inputs, List<String> outputs, String annotation) {

        Row {
            inputs = inputs == null ? List.of() : inputs.stream().map(Row::test).toList();
            outputs = outputs == null ? List.of() : outputs.stream().map(Row::clean).toList();
            annotation = annotation == null ? "" : annotation.strip();
        }

        /** An empty test means "any", which the tables write as "-". */
        private static String test(String cell) {
            return cell == null || cell.isBlank() ? "-" : cell.strip();
        }

        private static String clean(String cell) {
            return cell == null || cell.isBlank() ? "" : cell.strip();
        }

        boolean sameRuleAs(Row other) {
            return inputs.equals(other.inputs) && outputs.equals(other.outputs) && annotation.equals(other.annotation);
        }
    }
}

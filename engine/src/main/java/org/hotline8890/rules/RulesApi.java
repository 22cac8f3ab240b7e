package org.hotline8890.rules;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.hotline8890.security.CurrentStaff;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The editable decision tables for automation: read the deployed table, put edited rows (deployed as
 * a new version), and read the change history. Errors answer in the API's usual shape.
 */
@RestController
@RequestMapping("/api/admin/rules/{key}")
class RulesApi {

    record FieldProblem(String field, String reason) {
    }

    record Problem(String code, String message, List<FieldProblem> fields) {
    }

    /** {@code version}: the version the rows were edited from; optional, but it protects against lost updates. */
    record Edit(Integer version, List<RuleTable.Row> rows) {
    }

    record Change(String changedBy, Instant changedAt, int versionBefore, int versionAfter, List<String> diff) {
    }

    private final DecisionTables tables;
    private final CurrentStaff currentStaff;
    private final MessageSource messages;

    RulesApi(DecisionTables tables, CurrentStaff currentStaff, MessageSource messages) {
        this.tables = tables;
        this.currentStaff = currentStaff;
        this.messages = messages;
    }

    @GetMapping
    RuleTable table(@PathVariable String key) {
        return tables.read(decision(key));
    }

    @PutMapping
    DecisionTables.Saved save(@PathVariable String key, @RequestBody Edit edit) {
        EditableDecision decision = decision(key);
        List<RuleTable.Row> rows = edit.rows() == null ? List.of() : edit.rows();
        return tables.save(decision, rows, edit.version(), currentStaff.get().username());
    }

    @GetMapping("/changes")
    List<Change> changes(@PathVariable String key) {
        return tables.changes(decision(key)).stream().map(c -> new Change(c.getChangedBy(), c.getChangedAt(),
                c.getVersionBefore(), c.getVersionAfter(), c.getDiffLines())).toList();
    }

    private static EditableDecision decision(String key) {
        return EditableDecision.byKey(key).orElseThrow(() -> new UnknownDecisionException(key));
    }

    static class UnknownDecisionException extends RuntimeException {
        UnknownDecisionException(String key) {
            super("no editable decision has the key " + key);
        }
    }

    @ExceptionHandler(UnknownDecisionException.class)
    ResponseEntity<Problem> unknown(UnknownDecisionException e) {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(new Problem("rules.notFound", e.getMessage(), List.of()));
    }

    @ExceptionHandler(InvalidRuleTableException.class)
    ResponseEntity<Problem> invalid(InvalidRuleTableException e) {
        List<FieldProblem> fields = e.problems().stream().map(p -> new FieldProblem(field(p),
                (p.row() == 0 ? "" : "row " + p.row() + ", column " + p.column() + ": ")
                        + messages.getMessage(p.code(), p.args().toArray(), Locale.ENGLISH))).toList();
        return ResponseEntity.badRequest().body(new Problem("request.invalid", e.getMessage(), fields));
    }

    @ExceptionHandler(StaleRuleTableException.class)
    ResponseEntity<Problem> stale(StaleRuleTableException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(new Problem("rules.changedMeanwhile", e.getMessage(),
                List.of()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Problem> unreadable(HttpMessageNotReadableException e) {
        return ResponseEntity.badRequest().body(new Problem("request.unreadable",
                "the request body is not valid JSON of the expected shape", List.of(new FieldProblem("body",
                        "send {\"version\": n, \"rows\": [{\"id\", \"inputs\", \"outputs\", \"annotation\"}]}"))));
    }

    private static String field(CellProblem p) {
        return p.row() == 0 ? "rows" : "rows[" + (p.row() - 1) + "]." + (p.output() ? "outputs" : "inputs")
                + "[" + p.columnIndex() + "]";
    }
}

package org.hotline8890.rules;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Description;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.camunda.bpm.model.dmn.instance.Text;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.rules.RuleTable.Column;
import org.hotline8890.rules.RuleTable.Row;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads the latest deployed version of an editable decision as a {@link RuleTable}, checks edited rows,
 * writes them back into that version's DMN (so the key, hit policy, columns and input expressions stay
 * exactly as {@code RoutingPolicy} and {@code TimeLimitPolicy} expect) and deploys the result as a new
 * version. The deployment and its {@link RuleChange} record commit together.
 */
@Service
class DecisionTables {

    static final String SOURCE = "admin";
    private static final Pattern RULE_ID = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.-]{0,63}$");

    record Saved(int versionBefore, int versionAfter, List<String> diff) {
    }

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final DmnEngine dmnEngine;
    private final RuleTableValidator validator;
    private final RuleChangeRepository changes;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DecisionTables(ProcessEngine engine, Organisation organisation, RuleChangeRepository changes, Clock clock,
                   PlatformTransactionManager transactionManager) {
        this.transactions = new TransactionTemplate(transactionManager);
        this.repository = engine.getRepositoryService();
        this.decisions = engine.getDecisionService();
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        // A standalone engine for trying out a candidate table: the process engine's own DMN engine only
        // parses inside a deployment (it insists on the engine's history-time-to-live configuration).
        this.dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
        this.validator = new RuleTableValidator(configuration.getDmnEngineConfiguration().getFeelEngine(), organisation);
        this.changes = changes;
        this.clock = clock;
    }

    RuleTable read(EditableDecision decision) {
        DecisionDefinition latest = latest(decision);
        return toTable(decision, latest.getVersion(), repository.getDmnModelInstance(latest.getId()));
    }

    int latestVersion(EditableDecision decision) {
        return latest(decision).getVersion();
    }

    /** Whether the newest version of the table is one an administrator deployed (rather than a release). */
    boolean latestIsAdministrators(EditableDecision decision) {
        return SOURCE.equals(sourceOf(latest(decision)));
    }

    /** The newest version an administrator deployed, however many releases came after it; empty if none. */
    Optional<RuleTable> latestByAdministrators(EditableDecision decision) {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.key)
                .orderByDecisionDefinitionVersion().desc().list().stream()
                .filter(d -> SOURCE.equals(sourceOf(d)))
                .findFirst()
                .map(d -> toTable(decision, d.getVersion(), repository.getDmnModelInstance(d.getId())));
    }

    private String sourceOf(DecisionDefinition definition) {
        return repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult().getSource();
    }

    /** Every problem of the edited rows; empty when they can be deployed. */
    List<CellProblem> problems(EditableDecision decision, List<Row> rows) {
        RuleTable current = read(decision);
        List<CellProblem> problems = new ArrayList<>(validator.problems(current, rows));
        if (problems.isEmpty() && decision == EditableDecision.TIME_LIMITS) {
            problems.addAll(uncoveredTimeLimits(decision, rows));
        }
        if (problems.isEmpty() && decision == EditableDecision.ESCALATION_LADDER) {
            problems.addAll(repeatedLadderSteps(decision, rows));
        }
        return problems;
    }

    List<String> diff(EditableDecision decision, List<Row> rows) {
        return TableDiff.between(read(decision), withIds(rows));
    }

    /**
     * Deploys the rows as the next version. {@code editedVersion} is the version the editor started
     * from: if someone deployed another in between, the save is refused rather than undoing their work.
     */
    synchronized Saved save(EditableDecision decision, List<Row> rows, Integer editedVersion, String changedBy) {
        // The lock spans the whole transaction: a second save must see the first one's version as the latest.
        return transactions.execute(status -> deploy(decision, rows, editedVersion, changedBy));
    }

    private Saved deploy(EditableDecision decision, List<Row> rows, Integer editedVersion, String changedBy) {
        DecisionDefinition latest = latest(decision);
        if (editedVersion != null && editedVersion != latest.getVersion()) {
            throw new StaleRuleTableException(decision.key, editedVersion, latest.getVersion());
        }
        List<CellProblem> problems = problems(decision, rows);
        if (!problems.isEmpty()) {
            throw new InvalidRuleTableException(problems);
        }
        DmnModelInstance model = repository.getDmnModelInstance(latest.getId());
        RuleTable before = toTable(decision, latest.getVersion(), model);
        List<Row> identified = withIds(rows);
        List<String> diff = TableDiff.between(before, identified);
        String xml = write(model, identified);
        Deployment deployment = repository.createDeployment()
                .name("rules-" + decision.key)
                .source(SOURCE)
                .addString(decision.key + ".dmn", xml)
                .deploy();
        int after = repository.createDecisionDefinitionQuery().deploymentId(deployment.getId())
                .decisionDefinitionKey(decision.key).singleResult().getVersion();
        changes.save(new RuleChange(decision.key, changedBy, Instant.now(clock), latest.getVersion(), after,
                deployment.getId(), diff.isEmpty() ? "=" : String.join("\n", diff)));
        return new Saved(latest.getVersion(), after, diff);
    }

    List<RuleChange> changes(EditableDecision decision) {
        return changes.findByDecisionKeyOrderByChangedAtDescIdDesc(decision.key);
    }

    /** What the deployed table answers for these inputs: every matching row's outputs, first match first. */
    List<Map<String, Object>> evaluate(EditableDecision decision, Map<String, String> inputs) {
        VariableMap variables = Variables.createVariables();
        inputs.forEach(variables::putValue);
        return decisions.evaluateDecisionTableByKey(decision.key, variables).getResultList();
    }

    private DecisionDefinition latest(EditableDecision decision) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decision.key)
                .latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("the decision " + decision.key + " is not deployed");
        }
        return latest;
    }

    private static RuleTable toTable(EditableDecision decision, int version, DmnModelInstance model) {
        Decision d = model.getModelElementById(decision.key);
        DecisionTable table = (DecisionTable) d.getExpression();
        List<Column> inputs = table.getInputs().stream().map(i -> new Column(i.getLabel(),
                i.getInputExpression().getText().getTextContent().strip(), i.getInputExpression().getTypeRef())).toList();
        List<Column> outputs = table.getOutputs().stream().map(o -> new Column(o.getLabel(), o.getName(), o.getTypeRef()))
                .toList();
        List<Row> rows = table.getRules().stream().map(r -> new Row(r.getId(),
                r.getInputEntries().stream().map(e -> e.getText() == null ? "" : e.getText().getTextContent()).toList(),
                r.getOutputEntries().stream().map(e -> e.getText() == null ? "" : e.getText().getTextContent()).toList(),
                r.getDescription() == null ? "" : r.getDescription().getTextContent())).toList();
        return new RuleTable(decision.key, d.getName(), table.getHitPolicy().name(), version, inputs, outputs, rows);
    }

    /** Keeps each row's rule id where it is usable, and gives new (or duplicated) rows a fresh one. */
    private static List<Row> withIds(List<Row> rows) {
        Set<String> seen = new HashSet<>();
        List<Row> identified = new ArrayList<>();
        for (Row row : rows) {
            String id = row.id();
            if (id == null || !RULE_ID.matcher(id).matches() || !seen.add(id)) {
                id = "Rule_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
                seen.add(id);
            }
            identified.add(new Row(id, row.inputs(), row.outputs(), row.annotation()));
        }
        return identified;
    }

    /** The rows written into a copy of the deployed model: everything but the rules stays as it was. */
    private static String write(DmnModelInstance deployed, List<Row> rows) {
        DmnModelInstance model = deployed.clone();
        DecisionTable table = model.getModelElementsByType(DecisionTable.class).iterator().next();
        for (Rule old : new ArrayList<>(table.getRules())) {
            table.getRules().remove(old);
        }
        for (Row row : rows) {
            Rule rule = model.newInstance(Rule.class);
            rule.setId(row.id());
            if (!row.annotation().isEmpty()) {
                Description description = model.newInstance(Description.class);
                description.setTextContent(row.annotation());
                rule.setDescription(description);
            }
            int c = 0;
            for (String cell : row.inputs()) {
                InputEntry entry = model.newInstance(InputEntry.class);
                entry.setId(row.id() + "_in" + c++);
                entry.setText(text(model, cell.isEmpty() ? "-" : cell));
                rule.getInputEntries().add(entry);
            }
            c = 0;
            for (String cell : row.outputs()) {
                OutputEntry entry = model.newInstance(OutputEntry.class);
                entry.setId(row.id() + "_out" + c++);
                entry.setText(text(model, cell));
                rule.getOutputEntries().add(entry);
            }
            table.getRules().add(rule);
        }
        Dmn.validateModel(model);
        return Dmn.convertToString(model);
    }

    private static Text text(DmnModelInstance model, String content) {
        Text text = model.newInstance(Text.class);
        text.setTextContent(content);
        return text;
    }

    /** The time limits must answer every type and urgency, or dispatching such a case would fail. */
    private List<CellProblem> uncoveredTimeLimits(EditableDecision decision, List<Row> rows) {
        List<CellProblem> problems = new ArrayList<>();
        everyTypeAndUrgency(decision, rows, (type, urgency, results) -> {
            if (results.isEmpty()) {
                problems.add(CellProblem.table("rules.error.uncovered", type.name(), urgency.name()));
            }
        });
        return problems;
    }

    /**
     * The ladder collects every matching row; two with the same step for one type and urgency would leave
     * the order of the steps undefined, and the policy refuses such a ladder, failing every case it meets.
     * No row at all is allowed: that type and urgency simply has no ladder.
     */
    private List<CellProblem> repeatedLadderSteps(EditableDecision decision, List<Row> rows) {
        List<CellProblem> problems = new ArrayList<>();
        everyTypeAndUrgency(decision, rows, (type, urgency, results) -> {
            Set<Object> steps = new HashSet<>();
            results.stream().map(r -> r.getEntry("step")).filter(step -> !steps.add(step)).distinct()
                    .forEach(step -> problems.add(CellProblem.table("rules.error.repeatedStep", type.name(),
                            urgency.name(), String.valueOf(step))));
        });
        return problems;
    }

    private interface CandidateAnswer {
        void check(CaseType type, Urgency urgency, DmnDecisionResult results);
    }

    /** Evaluates the edited rows, not yet deployed, for each type and urgency. */
    private void everyTypeAndUrgency(EditableDecision decision, List<Row> rows, CandidateAnswer answer) {
        DecisionDefinition latest = latest(decision);
        String xml = write(repository.getDmnModelInstance(latest.getId()), withIds(rows));
        DmnDecision candidate = dmnEngine.parseDecision(decision.key,
                new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        for (CaseType type : CaseType.values()) {
            for (Urgency urgency : Urgency.values()) {
                Map<String, Object> in = new LinkedHashMap<>();
                in.put("type", type.name());
                in.put("urgency", urgency.name());
                answer.check(type, urgency, dmnEngine.evaluateDecision(candidate, in));
            }
        }
    }
}

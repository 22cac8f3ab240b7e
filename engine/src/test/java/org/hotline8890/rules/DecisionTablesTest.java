package org.hotline8890.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Urgency;
import org.hotline8890.organisation.OrgUnitKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.rules.RuleTable.Row;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * The editable tables on the real engine: what is read, written back and deployed, what is refused and
 * why, what is recorded, and that a new version really decides new cases. Each test puts the original
 * rows back as the newest version, so other test classes on the same database see the shipped tables.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class DecisionTablesTest {

    @Autowired DecisionTables tables;
    @Autowired ReleasedTables releasedTables;
    @Autowired RuleChangeRepository changes;
    @Autowired ProcessEngine engine;
    @Autowired RepositoryService repository;
    @Autowired Organisation organisation;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;

    RuleTable dispatchAtStart;
    RuleTable limitsAtStart;
    RuleTable ladderAtStart;

    @BeforeEach
    void remember() {
        dispatchAtStart = tables.read(EditableDecision.DISPATCH_CATALOGUE);
        limitsAtStart = tables.read(EditableDecision.TIME_LIMITS);
        ladderAtStart = tables.read(EditableDecision.ESCALATION_LADDER);
    }

    @AfterEach
    void restore() {
        restore(EditableDecision.DISPATCH_CATALOGUE, dispatchAtStart);
        restore(EditableDecision.TIME_LIMITS, limitsAtStart);
        restore(EditableDecision.ESCALATION_LADDER, ladderAtStart);
    }

    private void restore(EditableDecision decision, RuleTable original) {
        if (tables.latestVersion(decision) != original.version()) {
            tables.save(decision, original.rows(), null, "test-restore");
        }
    }

    @Test
    void theDeployedCatalogueIsReadWithItsColumnsRowsAndAnnotations() {
        RuleTable table = dispatchAtStart;
        assertThat(table.key()).isEqualTo("dispatch_catalogue");
        assertThat(table.hitPolicy()).isEqualTo("FIRST");
        assertThat(table.inputs()).extracting(RuleTable.Column::name).containsExactly("type", "category", "district");
        assertThat(table.outputs()).extracting(RuleTable.Column::name).containsExactly("department");
        assertThat(table.rows()).hasSizeGreaterThanOrEqualTo(8);
        assertThat(table.rows()).anySatisfy(r -> {
            assertThat(r.inputs()).containsExactly("-", "\"ENV.NOISE\",\"ENV.AIR\"", "-");
            assertThat(r.outputs()).containsExactly("\"HBJ\"");
            assertThat(r.annotation()).isEqualTo("ENV anywhere → HBJ");
        });
    }

    @Test
    void writingBothTablesBackUnchangedDeploysANewVersionThatAnswersExactlyAsBefore() {
        Map<String, Object> routingBefore = everyRouting();
        Map<String, Object> limitsBefore = everyLimit();

        DecisionTables.Saved routing = tables.save(EditableDecision.DISPATCH_CATALOGUE, dispatchAtStart.rows(),
                dispatchAtStart.version(), "admin");
        DecisionTables.Saved limits = tables.save(EditableDecision.TIME_LIMITS, limitsAtStart.rows(),
                limitsAtStart.version(), "admin");

        assertThat(routing.versionAfter()).isEqualTo(dispatchAtStart.version() + 1);
        assertThat(limits.versionAfter()).isEqualTo(limitsAtStart.version() + 1);
        assertThat(routing.diff()).isEmpty();
        assertThat(tables.read(EditableDecision.DISPATCH_CATALOGUE).rows()).isEqualTo(dispatchAtStart.rows());
        assertThat(everyRouting()).isEqualTo(routingBefore);
        assertThat(everyLimit()).isEqualTo(limitsBefore);
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("time_limits")
                .latestVersion().singleResult();
        assertThat(repository.createDeploymentQuery().deploymentId(latest.getDeploymentId()).singleResult())
                .satisfies(d -> {
                    assertThat(d.getName()).isEqualTo("rules-time_limits");
                    assertThat(d.getSource()).isEqualTo("admin");
                });
    }

    @Test
    void anEditedRowRoutesANewCaseThroughTheRealProcessToTheNewDepartment() {
        List<Row> rows = withOutput(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"", 0, "\"ZJJ\"");
        tables.save(EditableDecision.DISPATCH_CATALOGUE, rows, dispatchAtStart.version(), "admin");

        String number = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web")
                .theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), number, IntakeDecision.DISPATCH, null, null, null);

        HotlineCase dispatched = cases.findByCaseNumber(number).orElseThrow();
        assertThat(organisation.byId(dispatched.getDepartmentId()).orElseThrow().getCode()).isEqualTo("ZJJ");
    }

    @Test
    void anInvalidFeelTestIsRefusedNamingItsRowAndColumnAndNothingIsDeployed() {
        List<Row> rows = new ArrayList<>(dispatchAtStart.rows());
        Row third = rows.get(2);
        rows.set(2, new Row(third.id(), List.of("-", "\"URBAN.ROAD\",,", "\"NH\""), third.outputs(), third.annotation()));

        assertThatThrownBy(() -> tables.save(EditableDecision.DISPATCH_CATALOGUE, rows, dispatchAtStart.version(), "admin"))
                .isInstanceOfSatisfying(InvalidRuleTableException.class, e -> assertThat(e.problems())
                        .containsExactly(CellProblem.input(3, 1, "Category", "rules.error.feel", "\"URBAN.ROAD\",,")));
        assertThat(tables.latestVersion(EditableDecision.DISPATCH_CATALOGUE)).isEqualTo(dispatchAtStart.version());
    }

    @Test
    void anUnknownDepartmentOrCategoryIsRefused() {
        List<Row> rows = new ArrayList<>(withOutput(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"", 0, "\"NO-SUCH-BUREAU\""));
        rows.add(new Row(null, List.of("-", "\"ENV.MOON\"", "-"), List.of("\"HBJ\""), ""));

        assertThatThrownBy(() -> tables.save(EditableDecision.DISPATCH_CATALOGUE, rows, null, "admin"))
                .isInstanceOfSatisfying(InvalidRuleTableException.class, e -> assertThat(e.problems())
                        .extracting(CellProblem::row, CellProblem::column, CellProblem::code)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple(rowOf(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\""),
                                        "Department", "rules.error.unknownDepartment"),
                                org.assertj.core.groups.Tuple.tuple(rows.size(), "Category", "rules.error.unknownCategory")));
    }

    @Test
    void timeLimitsMustBePositiveOfAKnownUnitAndCoverEveryTypeAndUrgency() {
        List<Row> rows = new ArrayList<>(limitsAtStart.rows());
        Row first = rows.get(0);
        rows.set(0, new Row(first.id(), first.inputs(), List.of("0", "\"WALL\"", "2", "\"WEEKS\""), ""));
        assertThat(tables.problems(EditableDecision.TIME_LIMITS, rows))
                .extracting(CellProblem::row, CellProblem::column, CellProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Sign-for limit (minutes)", "rules.error.positive"),
                        org.assertj.core.groups.Tuple.tuple(1, "Handling unit", "rules.error.oneOf"));

        List<Row> withoutCatchAll = limitsAtStart.rows().subList(0, limitsAtStart.rows().size() - 1);
        assertThat(tables.problems(EditableDecision.TIME_LIMITS, withoutCatchAll))
                .extracting(CellProblem::code, CellProblem::args)
                .contains(org.assertj.core.groups.Tuple.tuple("rules.error.uncovered", List.of("PRAISE", "NORMAL")));
    }

    @Test
    void aChangeIsRecordedWithWhoTheVersionsAndARowDiff() {
        List<Row> rows = new ArrayList<>(withOutput(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"", 0, "\"ZJJ\""));
        rows.remove(rows.size() - 1);
        rows.add(0, new Row(null, List.of("\"PRAISE\"", "-", "-"), List.of("\"RSJ\""), "praise goes to RSJ"));
        int changedRow = rowOf(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"") + 1;

        DecisionTables.Saved saved = tables.save(EditableDecision.DISPATCH_CATALOGUE, rows, dispatchAtStart.version(),
                "admin");

        RuleChange recorded = changes.findByDecisionKeyOrderByChangedAtDescIdDesc("dispatch_catalogue").get(0);
        assertThat(recorded.getChangedBy()).isEqualTo("admin");
        assertThat(recorded.getVersionBefore()).isEqualTo(dispatchAtStart.version());
        assertThat(recorded.getVersionAfter()).isEqualTo(saved.versionAfter()).isEqualTo(dispatchAtStart.version() + 1);
        assertThat(recorded.getDiffLines()).contains(
                "+ row 1: Type \"PRAISE\", Category -, District - ⇒ Department \"RSJ\" (praise goes to RSJ)",
                "~ row " + changedRow + ": Department \"HBJ\" → \"ZJJ\"",
                "- row " + dispatchAtStart.rows().size() + ": Type -, Category \"LABOUR.WAGES\",\"LABOUR.SOCIAL\", "
                        + "District - ⇒ Department \"RSJ\" (LABOUR anywhere → RSJ)");
        assertThat(tables.read(EditableDecision.DISPATCH_CATALOGUE).rows().get(0).annotation())
                .isEqualTo("praise goes to RSJ");
    }

    @Test
    void theClasspathAutoDeploymentAtStartUpDoesNotReplaceTheAdministratorsVersion() {
        List<Row> rows = withOutput(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"", 0, "\"ZJJ\"");
        int adminVersion = tables.save(EditableDecision.DISPATCH_CATALOGUE, rows, dispatchAtStart.version(), "admin")
                .versionAfter();

        // What the Spring Boot starter runs on every start: deploy the classpath resources, unless unchanged.
        ReflectionTestUtils.invokeMethod(engine.getProcessEngineConfiguration(), "autoDeployResources", engine);

        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey("dispatch_catalogue")
                .latestVersion().singleResult();
        assertThat(latest.getVersion()).isEqualTo(adminVersion);
        assertThat(tables.evaluate(EditableDecision.DISPATCH_CATALOGUE,
                Map.of("type", "COMPLAINT", "category", "ENV.NOISE", "district", "DC")))
                .extracting(r -> r.get("department")).containsExactly("ZJJ");
    }

    @Test
    void theLaddersStepsMustBeKnownActionsAtMomentsItUnderstandsAndEachStepOnceForATypeAndUrgency() {
        List<Row> rows = new ArrayList<>(ladderAtStart.rows());
        Row first = rows.get(0);
        rows.set(0, new Row(first.id(), first.inputs(), List.of("1", "\"CALL_THE_MAYOR\"", "\"tomorrow\""), ""));
        assertThat(tables.problems(EditableDecision.ESCALATION_LADDER, rows))
                .extracting(CellProblem::row, CellProblem::column, CellProblem::code)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "Action", "rules.error.oneOf"),
                        org.assertj.core.groups.Tuple.tuple(1, "Offset from the deadline", "rules.error.offset"));

        List<Row> repeated = new ArrayList<>(ladderAtStart.rows());
        repeated.add(new Row(null, List.of("\"COMPLAINT\"", "-"), List.of("1", "\"REMIND_HEAD\"", "\"50%\""), ""));
        assertThat(tables.problems(EditableDecision.ESCALATION_LADDER, repeated))
                .extracting(CellProblem::code, CellProblem::args)
                .contains(org.assertj.core.groups.Tuple.tuple("rules.error.repeatedStep", List.of("COMPLAINT", "NORMAL", "1")),
                        org.assertj.core.groups.Tuple.tuple("rules.error.repeatedStep", List.of("COMPLAINT", "URGENT", "1")));
    }

    @Test
    void anEditedLadderTimesTheFirstStepOfACaseHandledAfterTheSave() {
        List<Row> rows = new ArrayList<>(ladderAtStart.rows());
        int normalFirstStep = -1;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.inputs().get(1).startsWith("not(") && row.outputs().get(0).equals("1")) {
                normalFirstStep = i;
                rows.set(i, new Row(row.id(), row.inputs(), List.of("1", "\"REMIND_HANDLER\"", "\"50%\""), row.annotation()));
            }
        }
        assertThat(normalFirstStep).as("the shipped ladder has a first step for ordinary urgency").isNotNegative();
        tables.save(EditableDecision.ESCALATION_LADDER, rows, ladderAtStart.version(), "admin");

        String number = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web")
                .theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), number, IntakeDecision.DISPATCH, null, null, null);
        actions.sign(staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ"), number);

        HotlineCase handling = cases.findByCaseNumber(number).orElseThrow();
        long allowed = Duration.between(handling.getDispatchedAt(), handling.getHandleBy()).toMillis();
        String instance = engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        Job firstStep = engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("Timer_EscalationDue").singleResult();
        assertThat(Duration.between(handling.getDispatchedAt(), firstStep.getDuedate().toInstant()).toMillis())
                .isBetween(allowed / 2 - 1000, allowed / 2 + 1000);
    }

    @Test
    void aReleaseThatDeploysItsOwnTableAgainDoesNotUndoTheAdministratorsEdit() {
        List<Row> edited = withOutput(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"", 0, "\"ZJJ\"");
        int adminVersion = tables.save(EditableDecision.DISPATCH_CATALOGUE, edited, dispatchAtStart.version(), "admin")
                .versionAfter();
        // What the engine's start-up does after a release changed any of the shipped models.
        repository.createDeployment().name("SpringAutoDeployment").addClasspathResource("bpmn/dispatch-catalogue.dmn")
                .deploy();
        assertThat(tables.latestIsAdministrators(EditableDecision.DISPATCH_CATALOGUE)).isFalse();

        releasedTables.keepAdministratorsTables();

        assertThat(tables.latestVersion(EditableDecision.DISPATCH_CATALOGUE)).isEqualTo(adminVersion + 2);
        assertThat(tables.latestIsAdministrators(EditableDecision.DISPATCH_CATALOGUE)).isTrue();
        assertThat(tables.evaluate(EditableDecision.DISPATCH_CATALOGUE,
                Map.of("type", "COMPLAINT", "category", "ENV.NOISE", "district", "DC")))
                .extracting(r -> r.get("department")).containsExactly("ZJJ");
        RuleChange recorded = changes.findByDecisionKeyOrderByChangedAtDescIdDesc("dispatch_catalogue").get(0);
        assertThat(recorded.getChangedBy()).isEqualTo("release-upgrade");
        assertThat(recorded.getVersionBefore()).isEqualTo(adminVersion + 1);
        assertThat(recorded.getDiffLines()).containsExactly(
                "~ row " + rowOf(dispatchAtStart, "\"ENV.NOISE\",\"ENV.AIR\"") + ": Department \"HBJ\" → \"ZJJ\"");

        releasedTables.keepAdministratorsTables();
        assertThat(tables.latestVersion(EditableDecision.DISPATCH_CATALOGUE)).as("nothing to do the second time")
                .isEqualTo(adminVersion + 2);
    }

    private static List<Row> withOutput(RuleTable table, String category, int output, String value) {
        List<Row> rows = new ArrayList<>(table.rows());
        int i = rowOf(table, category) - 1;
        Row row = rows.get(i);
        List<String> outputs = new ArrayList<>(row.outputs());
        outputs.set(output, value);
        rows.set(i, new Row(row.id(), row.inputs(), outputs, row.annotation()));
        return rows;
    }

    private static int rowOf(RuleTable table, String category) {
        for (int i = 0; i < table.rows().size(); i++) {
            if (table.rows().get(i).inputs().get(1).equals(category)) {
                return i + 1;
            }
        }
        throw new AssertionError("no row for " + category);
    }

    private Map<String, Object> everyRouting() {
        Map<String, Object> answers = new LinkedHashMap<>();
        List<String> districts = organisation.all().stream()
                .filter(u -> u.getKind() == OrgUnitKind.DISTRICT || u.getKind() == OrgUnitKind.CITY)
                .map(u -> u.getCode()).toList();
        // The catalogue tests no type today; two types are enough to see that stays so.
        for (CaseType type : List.of(CaseType.COMPLAINT, CaseType.PRAISE)) {
            for (var category : organisation.categories()) {
                for (String district : districts) {
                    answers.put(type + "/" + category.getCode() + "/" + district, tables.evaluate(
                            EditableDecision.DISPATCH_CATALOGUE,
                            Map.of("type", type.name(), "category", category.getCode(), "district", district)));
                }
            }
        }
        assertThat(answers.values()).as("some inputs route somewhere").anySatisfy(a -> assertThat((List<?>) a).isNotEmpty());
        return answers;
    }

    private Map<String, Object> everyLimit() {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (CaseType type : CaseType.values()) {
            for (Urgency urgency : Urgency.values()) {
                answers.put(type + "/" + urgency, tables.evaluate(EditableDecision.TIME_LIMITS,
                        Map.of("type", type.name(), "urgency", urgency.name())));
            }
        }
        return answers;
    }
}

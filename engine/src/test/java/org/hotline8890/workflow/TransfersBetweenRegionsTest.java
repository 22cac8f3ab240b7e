package org.hotline8890.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;
import static org.hotline8890.TestCases.staff;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline8890.Concurrently;
import org.hotline8890.TestClock;
import org.hotline8890.cases.CaseEvent;
import org.hotline8890.cases.CaseEventRepository;
import org.hotline8890.cases.CaseEventType;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseTransferRepository;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.notification.CitizenNotificationRepository;
import org.hotline8890.notification.NotificationKind;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.organisation.Role;
import org.hotline8890.security.Staff;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * 跨区域转办 on the real application: the demo city (region CITY, center CENTER) and its neighbour (region
 * LS, center LS-CENTER, login ls-dispatcher). A transfer keeps the case's number, query code and history,
 * ends the running process and starts the receiving region's at intake review; both centers see it, only
 * the receiving one acts, and it may refuse the transfer back once.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestClock.Config.class)
class TransfersBetweenRegionsTest {

    @Autowired MockMvc mvc;
    @Autowired ObjectMapper json;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired CaseEventRepository events;
    @Autowired CaseTransferRepository transfers;
    @Autowired CitizenNotificationRepository notifications;
    @Autowired Organisation organisation;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ManagementService management;
    @Autowired HistoryService history;
    @Autowired TestClock clock;

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    // --- the transfer itself -------------------------------------------------------------------------

    @Test
    void aCaseUnderIntakeReviewGoesToTheOtherCityWithItsNumberQueryCodeAndHistory() throws Exception {
        Instant received = Instant.parse("2031-05-12T02:00:00Z");
        clock.setTo(received);
        CaseIntake.Opened opened = intake.open(noiseComplaint(received), IntakeDecision.REVIEW, null, "channel:web");
        String n = opened.theCase().getCaseNumber();
        assertThat(opened.theCase().getRegionCode()).as("a DC case belongs to the demo city").isEqualTo("CITY");

        Instant transferredAt = received.plus(Duration.ofHours(3));
        clock.setTo(transferredAt);
        transfer("dispatcher", n, "LS", "噪声源位于临山市青山区，属临山市管辖")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.repeated").value(false))
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.transfer.fromRegion").value("CITY"))
                .andExpect(jsonPath("$.transfer.toRegion").value("LS"))
                .andExpect(jsonPath("$.transfer.toRegionName").value("临山市"));

        HotlineCase c = load(n);
        assertThat(c.getRegionCode()).isEqualTo("LS");
        assertThat(c.getStatus()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(c.getReceivedAt()).as("the citizen's own date stays").isEqualTo(received);
        assertThat(c.getRegionReceivedAt()).as("the receiving region's clock starts").isEqualTo(transferredAt);
        assertThat(eventTypes(c)).containsExactly(CaseEventType.RECEIVED, CaseEventType.TRANSFERRED);
        assertThat(events.findByCaseIdOrderByIdAsc(c.getId()).get(1).getComment())
                .isEqualTo("CITY -> LS: 噪声源位于临山市青山区，属临山市管辖");
        assertThat(notifications.findAll()).anySatisfy(sent -> {
            assertThat(sent.getCaseId()).isEqualTo(c.getId());
            assertThat(sent.getKind()).isEqualTo(NotificationKind.TRANSFERRED);
            assertThat(sent.getMessage()).contains(n, "临山市热线");
        });

        // The citizen's number and query code still open the case, and the timeline says where it went.
        mvc.perform(post("/api/citizen/cases/lookup").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"caseNumber\":\"" + n + "\",\"queryCode\":\"" + opened.queryCode() + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[1].event").value("TRANSFERRED"))
                .andExpect(jsonPath("$.timeline[1].comment").doesNotExist());
    }

    @Test
    void theOldProcessEndsAndTheReceivingRegionsStartsAtIntakeReviewWithOnlyItsOwnTimers() throws Exception {
        String n = returnedByTheEnvironmentBureau();
        ProcessInstance old = instanceOf(n);
        Instant firstDispatch = load(n).getDispatchedAt();
        assertThat(tasks.createTaskQuery().processInstanceId(old.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ReviewReturn");

        clock.setTo(Instant.now().plus(Duration.ofMinutes(5)));
        transfer("dispatcher", n, "LS", "经核实为临山市辖区事项").andExpect(status().isCreated());

        assertThat(runtime.createProcessInstanceQuery().processInstanceId(old.getId()).count()).as("old instance gone")
                .isZero();
        HistoricProcessInstance ended = history.createHistoricProcessInstanceQuery().processInstanceId(old.getId())
                .singleResult();
        assertThat(ended.getDeleteReason()).isEqualTo("transferred from region CITY to region LS");
        ProcessInstance now = instanceOf(n);
        assertThat(now.getId()).isNotEqualTo(old.getId());
        assertThat(tasks.createTaskQuery().processInstanceId(now.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ReviewIntake");
        HotlineCase c = load(n);
        assertThat(c.getDepartmentId()).isNull();
        assertThat(c.getReturnCount()).as("the returns were the sending region's").isZero();
        assertThat(c.getDispatchedAt()).isNull();
        assertThat(c.getSignBy()).isNull();

        // Region LS dispatches to its own environment bureau: new deadlines, and every timer is the new instance's.
        mvc.perform(post("/api/center/cases/" + n + "/intake-review").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\",\"departmentCode\":\"LS-HBJ\"}"))
                .andExpect(status().isNoContent());
        c = load(n);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(organisation.byId(c.getDepartmentId()).orElseThrow().getCode()).isEqualTo("LS-HBJ");
        assertThat(c.getDispatchedAt()).isAfter(firstDispatch);
        List<Job> timers = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(n).list().stream()
                .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId()).timers().list().stream())
                .toList();
        assertThat(timers).isNotEmpty().allSatisfy(job -> assertThat(job.getProcessInstanceId()).isEqualTo(now.getId()));
        assertThat(timers).extracting(Job::getDuedate).contains(Date.from(c.getSignBy()));
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isEqualTo(1);
    }

    @Test
    void aRetriedTransferAnswersTheSameTransferAndStartsNoSecondProcess() throws Exception {
        String n = receivedInTheDemoCity();
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isCreated());
        String processAfterFirst = instanceOf(n).getId();

        transfer("dispatcher", n, "LS", "属临山市管辖")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.repeated").value(true))
                .andExpect(jsonPath("$.transfer.toRegion").value("LS"));

        HotlineCase c = load(n);
        assertThat(transfers.findByCaseIdOrderByIdAsc(c.getId())).hasSize(1);
        assertThat(eventTypes(c)).containsExactly(CaseEventType.RECEIVED, CaseEventType.TRANSFERRED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).list())
                .extracting(ProcessInstance::getId).containsExactly(processAfterFirst);
    }

    @Test
    void twoTransfersRacingEachOtherMakeOneTransferAndOneProcess() throws Exception {
        String n = receivedInTheDemoCity();
        List<Integer> answers = Concurrently.run(2, () -> transfer("dispatcher", n, "LS", "属临山市管辖")
                .andReturn().getResponse().getStatus());

        assertThat(answers).as("one made it, the other was told it came too late or repeated it")
                .containsOnlyOnce(201).allMatch(s -> s == 201 || s == 200 || s == 409);
        HotlineCase c = load(n);
        assertThat(c.getRegionCode()).isEqualTo("LS");
        assertThat(transfers.findByCaseIdOrderByIdAsc(c.getId())).hasSize(1);
        assertThat(eventTypes(c)).containsExactly(CaseEventType.RECEIVED, CaseEventType.TRANSFERRED);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).count()).isEqualTo(1);
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(n).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ReviewIntake");
    }

    @Test
    void theReceivingCenterRefusesOnceAndTheCaseCannotBounceBackAgain() throws Exception {
        String n = receivedInTheDemoCity();
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isCreated());
        String lsProcess = instanceOf(n).getId();

        refuse("ls-dispatcher", n, "地址位于示范市东城区，不属临山市")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RECEIVED"))
                .andExpect(jsonPath("$.transfer.refusalReason").value("地址位于示范市东城区，不属临山市"));
        HotlineCase c = load(n);
        assertThat(c.getRegionCode()).isEqualTo("CITY");
        assertThat(eventTypes(c)).containsExactly(CaseEventType.RECEIVED, CaseEventType.TRANSFERRED,
                CaseEventType.TRANSFER_REFUSED);
        ProcessInstance back = instanceOf(n);
        assertThat(back.getId()).isNotEqualTo(lsProcess);
        assertThat(tasks.createTaskQuery().processInstanceId(back.getId()).singleResult().getTaskDefinitionKey())
                .isEqualTo("Task_ReviewIntake");

        // LS reads the case still, but it is the demo city's again: no second refusal.
        refuse("ls-dispatcher", n, "再次退回").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case.otherRegion"));
        // And the demo city cannot send it to LS a second time.
        transfer("dispatcher", n, "LS", "还是请临山市办理").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer.refusedBefore"));
        assertThat(load(n).getRegionCode()).isEqualTo("CITY");
        assertThat(transfers.findByCaseIdOrderByIdAsc(c.getId())).hasSize(1);
        // A case the receiving center has worked can no longer be refused.
        String worked = receivedInTheDemoCity();
        transfer("dispatcher", worked, "LS", "属临山市管辖").andExpect(status().isCreated());
        mvc.perform(post("/api/center/cases/" + worked + "/intake-review").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\",\"departmentCode\":\"LS-HBJ\"}"))
                .andExpect(status().isNoContent());
        refuse("ls-dispatcher", worked, "不属本市").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer.alreadyWorked"));
    }

    // --- who sees and who acts ---------------------------------------------------------------------

    @Test
    void bothCentersSeeTheTransferButOnlyTheReceivingOneHasItInItsQueues() throws Exception {
        String n = receivedInTheDemoCity();
        assertThat(numbers(getJson("ls-dispatcher", "/api/center/intake"))).doesNotContain(n);
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isCreated());

        assertThat(numbers(getJson("dispatcher", "/api/center/intake"))).doesNotContain(n);
        assertThat(numbers(getJson("ls-dispatcher", "/api/center/intake"))).contains(n);
        JsonNode asSender = getJson("dispatcher", "/api/cases/" + n);
        assertThat(asSender.get("region").asText()).isEqualTo("LS");
        assertThat(asSender.get("transfers").get(0).get("toRegion").asText()).isEqualTo("LS");
        assertThat(asSender.get("timeline")).extracting(e -> e.get("event").asText()).contains("TRANSFERRED");
        JsonNode asReceiver = getJson("ls-dispatcher", "/api/cases/" + n);
        assertThat(asReceiver.get("timeline").get(0).get("event").asText()).as("the whole history").isEqualTo("RECEIVED");

        JsonNode out = getJson("dispatcher", "/api/center/transfers");
        assertThat(out.get("region").asText()).isEqualTo("CITY");
        assertThat(out.get("out")).extracting(t -> t.get("caseNumber").asText()).contains(n);
        JsonNode in = getJson("ls-dispatcher", "/api/center/transfers");
        assertThat(in.get("in")).extracting(t -> t.get("caseNumber").asText()).contains(n);
        assertThat(in.get("out")).extracting(t -> t.get("caseNumber").asText()).doesNotContain(n);
        assertThat(getJson("dispatcher", "/api/center/regions")).extracting(r -> r.get("code").asText())
                .containsExactly("CITY", "LS");
    }

    @Test
    void aCenterOfTheOtherRegionCannotReachOrActOnTheDemoCitysCases() throws Exception {
        String n = receivedInTheDemoCity();
        mvc.perform(get("/api/cases/" + n).with(httpBasic("ls-dispatcher", "demo"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/center/cases/" + n + "/intake-review").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\",\"text\":\"无效\"}"))
                .andExpect(status().isNotFound());
        transfer("ls-dispatcher", n, "LS", "抢过来").andExpect(status().isNotFound());
        refuse("ls-dispatcher", n, "退回").andExpect(status().isNotFound());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RECEIVED);
        assertThat(load(n).getRegionCode()).isEqualTo("CITY");

        // Once transferred out, the sending center reads it but cannot act on it any more.
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isCreated());
        mvc.perform(post("/api/center/cases/" + n + "/intake-review").with(httpBasic("dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"REJECT\",\"text\":\"无效\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("case.otherRegion"));
        // The receiving center dispatches within its own region only.
        mvc.perform(post("/api/center/cases/" + n + "/intake-review").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\",\"departmentCode\":\"HBJ\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("department.otherRegion"));
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RECEIVED);
    }

    @Test
    void theCataloguesChoiceInTheSendingRegionSendsATransferredCaseToManualDispatch() throws Exception {
        String n = receivedInTheDemoCity();
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isCreated());
        // The case still names district DC, for which the catalogue knows the demo city's HBJ only.
        mvc.perform(post("/api/center/cases/" + n + "/intake-review").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"decision\":\"DISPATCH\"}"))
                .andExpect(status().isNoContent());
        HotlineCase c = load(n);
        assertThat(c.getStatus()).isEqualTo(CaseStatus.AWAITING_DISPATCH);
        CaseEvent waiting = events.findByCaseIdOrderByIdAsc(c.getId()).stream()
                .filter(e -> e.getType() == CaseEventType.AWAITING_DISPATCH).findFirst().orElseThrow();
        assertThat(waiting.getComment()).isEqualTo("dispatch catalogue: HBJ is not a unit of region LS");
        assertThat(numbers(getJson("ls-dispatcher", "/api/center/dispatch"))).contains(n);
        mvc.perform(post("/api/center/cases/" + n + "/dispatch").with(httpBasic("ls-dispatcher", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"departmentCode\":\"LS-HBJ\"}"))
                .andExpect(status().isNoContent());
        assertThat(load(n).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
    }

    // --- refused requests --------------------------------------------------------------------------

    @Test
    void aCaseADepartmentHasCannotBeTransferred() throws Exception {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase()
                .getCaseNumber();
        transfer("dispatcher", n, "LS", "属临山市管辖").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer.notWithCenter"));
        assertThat(load(n).getRegionCode()).isEqualTo("CITY");
        assertThat(transfers.findByCaseIdOrderByIdAsc(load(n).getId())).isEmpty();
    }

    @Test
    void badTransferRequestsNameTheFieldAndChangeNothing() throws Exception {
        String n = receivedInTheDemoCity();
        transfer("dispatcher", n, "LS", " ").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("reason"));
        transfer("dispatcher", n, "NOWHERE", "属外市管辖").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.fields[0].field").value("toRegion"));
        transfer("dispatcher", n, "CITY", "属本市管辖").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer.sameRegion"));
        refuse("dispatcher", n, "不是转来的").andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("transfer.none"));
        mvc.perform(post("/api/center/cases/" + n + "/transfer").with(httpBasic("dept-environment", "demo"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"toRegion\":\"LS\",\"reason\":\"x\"}"))
                .andExpect(status().isForbidden());
        HotlineCase c = load(n);
        assertThat(c.getRegionCode()).isEqualTo("CITY");
        assertThat(eventTypes(c)).containsExactly(CaseEventType.RECEIVED);
    }

    // --- helpers -----------------------------------------------------------------------------------

    private String receivedInTheDemoCity() {
        return intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();
    }

    private String returnedByTheEnvironmentBureau() {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.DISPATCH, null, "agent").theCase()
                .getCaseNumber();
        Staff environment = staff(organisation, "dept-environment", Role.DEPARTMENT, "HBJ");
        actions.returnToCenter(environment, n, "噪声源不在本市");
        return n;
    }

    private ResultActions transfer(String user, String n, String region, String reason) throws Exception {
        return mvc.perform(post("/api/center/cases/" + n + "/transfer").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("toRegion", region, "reason", reason))));
    }

    private ResultActions refuse(String user, String n, String reason) throws Exception {
        return mvc.perform(post("/api/center/cases/" + n + "/transfer-refusal").with(httpBasic(user, "demo"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(java.util.Map.of("reason", reason))));
    }

    private JsonNode getJson(String user, String path) throws Exception {
        return json.readTree(mvc.perform(get(path).with(httpBasic(user, "demo"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
    }

    private static List<String> numbers(JsonNode list) {
        return java.util.stream.StreamSupport.stream(list.spliterator(), false).map(e -> e.get("caseNumber").asText())
                .toList();
    }

    private ProcessInstance instanceOf(String n) {
        return runtime.createProcessInstanceQuery().processInstanceBusinessKey(n).singleResult();
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private List<CaseEventType> eventTypes(HotlineCase c) {
        return events.findByCaseIdOrderByIdAsc(c.getId()).stream().map(CaseEvent::getType).toList();
    }
}

package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.intake.IntakeQueueDrain;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.publication.PublishedResultRepository;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole life of one case, walked through the pages only, each person in a browser of their own (own
 * cookies, own login): a citizen on a phone submits it, the center dispatches it, the department signs,
 * asks for more time, replies; the center approves and accepts; the citizen rates it; an anonymous visitor
 * finds it published and counted. The database is only read, to check what the pages did.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WholeLifeBrowserTest {

    private static final String DEPARTMENT = "HBJ";

    @LocalServerPort int port;
    @Autowired ApplicationContext context;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;
    @Autowired PublishedResultRepository published;
    @Autowired HotlineProperties properties;
    @Autowired RuntimeService runtime;
    @Autowired ManagementService management;

    @Test
    void aCitizensRequestIsDispatchedHandledRatedAndPublishedThroughThePagesAlone() throws IOException {
        // Unique per run: all test classes share one database, and the published result is found by it.
        String tag = randomLetters(6);
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        String subject = "东华路工地夜间施工噪音" + tag;
        Path photo = Files.createTempFile("site-photo", ".txt");
        Files.writeString(photo, "工地已停工", StandardCharsets.UTF_8);

        try (Chromium visitor = Chromium.start(port, Chromium.DESKTOP);
             Chromium citizen = Chromium.start(port, Chromium.PHONE);
             Chromium dispatcher = Chromium.start(port, Chromium.DESKTOP);
             Chromium department = Chromium.start(port, Chromium.DESKTOP);
             Chromium otherDepartment = Chromium.start(port, Chromium.DESKTOP)) {
            int completedBefore = DashboardPage.open(visitor, "", "").completedCount(DEPARTMENT);

            // The citizen, on a phone, submits and keeps the number and the query code.
            CitizenPortalPage portal = new CitizenPortalPage(citizen);
            CitizenPortalPage.Submitted kept = portal.openRequestForm().submit(new CitizenPortalPage.Request(
                    "COMPLAINT", "ENV.NOISE", "DC", subject,
                    "我是王小明，联系电话" + phone + "。东华路工地每晚23点后仍在施工，噪音很大。", "王小明", phone, true), null);
            String n = kept.caseNumber();
            assertThat(n).startsWith("8890-");
            backgroundWorkers(n);
            assertThat(load(n).getStatus()).isEqualTo(CaseStatus.RECEIVED);

            // The department's workbench is open before the case reaches it.
            DepartmentWorkbenchPage workbench = new DepartmentWorkbenchPage(department);
            department.logIn("dept-environment", "demo");
            assertThat(workbench.openList()).doesNotContain(n);

            // The dispatcher reviews the intake and confirms the catalogue's suggestion.
            dispatcher.logIn("dispatcher", "demo");
            CenterConsolePage console = new CenterConsolePage(dispatcher).open();
            assertThat(console.suggestionFor(n)).contains("市生态环境局");
            assertThat(console.reviewAndDispatch(n, null)).contains(n);
            assertThat(organisation.byId(load(n).getDepartmentId()).orElseThrow().getCode()).isEqualTo(DEPARTMENT);

            // The workbench list reloads itself on the server's queue-changed event: no reload here.
            new WebDriverWait(department.driver(), Duration.ofSeconds(10)).until(
                    ExpectedConditions.presenceOfElementLocated(By.cssSelector("#case-list tr[data-case='" + n + "']")));

            assertThat(workbench.sign(n)).contains("已签收");
            LocalDate later = load(n).getHandleBy().atZone(properties.zone()).toLocalDate().plusDays(5);
            assertThat(workbench.requestExtension(n, later, "需要第三方检测噪声")).contains("延期申请已提交");

            var asked = load(n).getExtensionRequestedUntil();
            assertThat(console.open().approveExtension(n)).contains(n);
            assertThat(load(n).getHandleBy()).isEqualTo(asked);

            assertThat(workbench.reply(n, "已责令工地停止夜间施工，王小明反映的问题已解决。", photo)).contains("答复已提交");
            assertThat(workbench.attachmentNames(n)).containsExactly(photo.getFileName().toString());

            assertThat(console.open().acceptReply(n)).contains(n);
            backgroundWorkers(n);
            assertThat(load(n).getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

            // The citizen comes back with the number and code and rates the case.
            assertThat(portal.lookUp(n, kept.queryCode(), null)).isEqualTo("已答复，等待您的评价");
            assertThat(portal.ratingOffered()).isTrue();
            assertThat(portal.rate("SATISFIED", "处理及时")).isEqualTo("感谢您的评价。");
            backgroundWorkers(n);
            assertThat(citizen.text("#case-status")).isEqualTo("已办结");
            citizen.screenshot("citizen-case-closed");

            HotlineCase closed = load(n);
            assertThat(closed.getStatus()).isEqualTo(CaseStatus.CLOSED);
            assertThat(closed.getSatisfaction()).isEqualTo(Satisfaction.SATISFIED);
            assertThat(published.findAll()).anyMatch(p -> p.getCaseNumber().equals(n));

            // Anyone can read the result, without the citizen's name or number, and the dashboard counts it.
            visitor.open("/public/results?district=DC&category=ENV.NOISE&size=100");
            String results = visitor.text("main");
            assertThat(results).contains(subject).doesNotContain(phone, "王小明");
            visitor.screenshot("public-results");
            assertThat(DashboardPage.open(visitor, "", "").completedCount(DEPARTMENT)).isEqualTo(completedBefore + 1);

            dispatcher.open("/center/hot-issues");
            dispatcher.await("h1");
            dispatcher.screenshot("hot-issues");

            // Another department cannot open it by URL; a wrong query code finds nothing, politely.
            otherDepartment.logIn("dept-housing", "demo");
            assertThat(new DepartmentWorkbenchPage(otherDepartment).openByUrl(n))
                    .isEqualTo(new DepartmentWorkbenchPage.Opened("找不到这个页面", null));
            assertThat(portal.lookUp(n, "WRONG" + tag, null)).isNull();
            assertThat(portal.problem()).isEqualTo("没有找到这个工单，请核对工单号和查询码。");
        } finally {
            Files.deleteIfExists(photo);
        }
    }

    /**
     * What the server's background workers do between the people's steps: in production the intake
     * queue's poller turns a web submission into a case, and Camunda's job executor runs the process's
     * asynchronous steps. The test profile switches both off so tests stay deterministic, so the test
     * plays them here; every human step above is done in a browser.
     */
    private void backgroundWorkers(String caseNumber) {
        IntakeQueueDrain.drainAll(context);
        ProcessInstance process = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber).singleResult();
        if (process != null) {
            management.createJobQuery().processInstanceId(process.getId()).messages().list()
                    .forEach(job -> management.executeJob(job.getId()));
        }
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }

    private static String randomLetters(int length) {
        StringBuilder letters = new StringBuilder();
        for (int i = 0; i < length; i++) {
            letters.append((char) ('A' + ThreadLocalRandom.current().nextInt(26)));
        }
        return letters.toString();
    }
}

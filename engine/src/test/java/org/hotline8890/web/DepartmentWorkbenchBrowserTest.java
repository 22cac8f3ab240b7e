package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;

import org.hotline8890.HotlineProperties;
import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** A department handler signs, asks for more time and replies with a file, in Debian's headless Chromium. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DepartmentWorkbenchBrowserTest {

    @LocalServerPort int port;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;
    @Autowired HotlineProperties properties;

    @Test
    void aHandlerSignsRequestsAnExtensionAndRepliesWithAFile() throws IOException {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web")
                .theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "HBJ");
        Path photo = Files.createTempFile("site-photo", ".txt");
        Files.writeString(photo, "工地已停工", StandardCharsets.UTF_8);

        try (Chromium chromium = Chromium.start(port, Chromium.DESKTOP)) {
            DepartmentWorkbenchPage workbench = new DepartmentWorkbenchPage(chromium);
            chromium.logIn("dept-environment", "demo");
            assertThat(workbench.openList()).contains(n);
            assertThat(workbench.countdownClass(n)).isEqualTo("due-ok");
            chromium.screenshot("department-workbench");

            assertThat(workbench.sign(n)).contains("已签收");
            LocalDate later = cases.findByCaseNumber(n).orElseThrow().getHandleBy()
                    .atZone(properties.zone()).toLocalDate().plusDays(5);
            assertThat(workbench.requestExtension(n, later, "需要第三方检测噪声")).contains("延期申请已提交");
            assertThat(workbench.reply(n, "已责令工地停止夜间施工。", photo)).contains("答复已提交");

            assertThat(workbench.openByUrl(n).status()).isEqualTo(CaseStatus.REPLIED.name());
            assertThat(workbench.attachmentNames(n)).containsExactly(photo.getFileName().toString());
            chromium.screenshot("department-case");

            chromium.forgetCookies();
            chromium.logIn("dept-housing", "demo");
            assertThat(workbench.openByUrl(n)).isEqualTo(new DepartmentWorkbenchPage.Opened("找不到这个页面", null));
        } finally {
            Files.deleteIfExists(photo);
        }
        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.REPLIED);
    }
}

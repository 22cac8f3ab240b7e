package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.noiseComplaint;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

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

/** An assisting unit (协办) finds the case among the cases it assists, signs and contributes, in headless Chromium. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AssistingUnitBrowserTest {

    @LocalServerPort int port;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired Organisation organisation;

    @Test
    void anAssistingUnitSignsAndContributesItsPart() throws IOException {
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web")
                .theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, null, "HBJ", List.of("ZJJ"));

        try (Chromium chromium = Chromium.start(port, Chromium.DESKTOP)) {
            DepartmentWorkbenchPage workbench = new DepartmentWorkbenchPage(chromium);
            chromium.logIn("dept-housing", "demo");
            assertThat(workbench.openAssistList()).contains(n);
            assertThat(workbench.openList()).doesNotContain(n);

            assertThat(workbench.signAssist(n)).contains("已签收协办任务");
            assertThat(workbench.myAssistState(n)).isEqualTo("SIGNED");
            chromium.screenshot("department-assist");
            assertThat(workbench.contribute(n, "该工地施工许可证已过期，已通知建设单位停工。")).contains("协办意见已提交");
            assertThat(workbench.myAssistState(n)).isEqualTo("CONTRIBUTED");
            assertThat(workbench.openAssistList()).doesNotContain(n);
        }
    }
}

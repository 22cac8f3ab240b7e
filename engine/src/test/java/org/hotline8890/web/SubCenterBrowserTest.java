package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.dispatcher;
import static org.hotline8890.TestCases.request;

import java.io.IOException;
import java.time.Instant;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.CaseType;
import org.hotline8890.cases.Urgency;
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

/**
 * A district's sub-center (分中心) signs the case the city sent it and re-dispatches it to its street
 * office, which signs and replies; the sub-center approves the reply for the city center, in Chromium.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SubCenterBrowserTest {

    @LocalServerPort int port;
    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @Test
    void theSubCenterReDispatchesToItsStreetAndApprovesTheStreetsReply() throws IOException {
        String n = intake.open(request(CaseType.COMPLAINT, "URBAN.ROAD", "DC", Urgency.NORMAL, true, false,
                Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase().getCaseNumber();
        actions.reviewIntake(dispatcher(organisation), n, IntakeDecision.DISPATCH, null, null, "DC");

        try (Chromium chromium = Chromium.start(port, Chromium.DESKTOP)) {
            DepartmentWorkbenchPage workbench = new DepartmentWorkbenchPage(chromium);
            chromium.logIn("district-dc", "demo");
            assertThat(workbench.openList()).contains(n);
            assertThat(workbench.sign(n)).contains("已签收");
            assertThat(workbench.redispatch(n, "DC-DH")).contains("已派往下级单位");
            chromium.screenshot("sub-center-case");

            chromium.forgetCookies();
            chromium.logIn("dept-dc-street", "demo");
            assertThat(workbench.sign(n)).contains("已签收");
            assertThat(workbench.reply(n, "已修复破损路面。", null)).contains("等待分中心审核");

            chromium.forgetCookies();
            chromium.logIn("district-dc", "demo");
            assertThat(workbench.approveReply(n)).contains("审核通过");
        }
        assertThat(cases.findByCaseNumber(n).orElseThrow().getStatus()).isEqualTo(CaseStatus.REPLIED);
    }
}

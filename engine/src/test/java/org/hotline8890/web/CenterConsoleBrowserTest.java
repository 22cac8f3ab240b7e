package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.cases.CaseStatus;
import org.hotline8890.cases.HotlineCase;
import org.hotline8890.cases.Satisfaction;
import org.hotline8890.organisation.Organisation;
import org.hotline8890.workflow.CaseActions;
import org.hotline8890.workflow.CaseIntake;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** A dispatcher works through the center console in Debian's headless Chromium on a wide screen. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CenterConsoleBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    private Chromium chromium;

    @Autowired CaseIntake intake;
    @Autowired CaseActions actions;
    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @Test
    void aDispatcherDispatchesApprovesAcceptsAndCallsBack() throws IOException {
        chromium = session.chromium();
        CenterCases make = new CenterCases(intake, actions, cases, organisation);
        String submitted = submitAsCitizen();
        String extension = make.extensionRequested("需要第三方检测噪声");
        String replied = make.replied("已责令工地停止夜间施工。");
        String feedback = make.awaitingFeedback("已现场检查并责令整改。");

        chromium.logIn("dispatcher", "demo");
        CenterConsolePage console = new CenterConsolePage(chromium).open();
        assertThat(console.queueHeading("intake")).startsWith("待受理审核（");
        assertThat(console.suggestionFor(submitted)).isEqualTo("派单目录建议：市生态环境局");
        chromium.screenshot("center-console");

        assertThat(console.reviewAndDispatch(submitted, null)).contains(submitted);
        assertThat(load(submitted).getStatus()).isEqualTo(CaseStatus.DISPATCHED);
        assertThat(organisation.byId(load(submitted).getDepartmentId()).orElseThrow().getCode()).isEqualTo("HBJ");

        var asked = load(extension).getExtensionRequestedUntil();
        assertThat(console.approveExtension(extension)).contains(extension);
        assertThat(load(extension).getHandleBy()).isEqualTo(asked);

        assertThat(console.acceptReply(replied)).contains(replied);
        assertThat(load(replied).getStatus()).isEqualTo(CaseStatus.AWAITING_FEEDBACK);

        assertThat(console.callScript(feedback)).contains(feedback, "夜间施工噪音", "已现场检查并责令整改。");
        assertThat(console.recordFeedbackCall(feedback, "VERY_SATISFIED")).contains(feedback);
        assertThat(load(feedback).getSatisfaction()).isEqualTo(Satisfaction.VERY_SATISFIED);

        console.openCase(submitted);
        assertThat(chromium.text(".case-timeline")).contains("诉求已登记", "已转交承办单位");
        chromium.screenshot("center-case");
    }

    /** The request comes the citizen's way: the portal's form, before anyone logs in. */
    private String submitAsCitizen() {
        chromium.open("/citizen/requests/new");
        new Select(chromium.find("#type")).selectByValue("COMPLAINT");
        new Select(chromium.find("#category")).selectByValue("ENV.NOISE");
        new Select(chromium.find("#district")).selectByValue("DC");
        chromium.find("#subject").sendKeys("夜间施工噪音");
        chromium.find("#content").sendKeys("东华路工地每晚23点后仍在施工");
        chromium.find("#phone").sendKeys("13812345678");
        chromium.clickThrough(chromium.driver().findElement(By.cssSelector("form button[type='submit']")));
        return chromium.text("#case-number");
    }

    private HotlineCase load(String n) {
        return cases.findByCaseNumber(n).orElseThrow();
    }
}

package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hotline8890.TestCases.noiseComplaint;

import java.io.IOException;
import java.time.Instant;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.workflow.CaseIntake;
import org.hotline8890.workflow.IntakeDecision;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * 跨区域转办 in Debian's headless Chromium: the demo city's dispatcher transfers a case to the neighbouring
 * city, whose dispatcher finds it marked "transferred in" and sends it back; the sender reads it all.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CenterTransferBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    @Autowired CaseIntake intake;
    @Autowired CaseRepository cases;

    @Test
    void aCaseGoesToTheOtherCityAndComesBackRefused() throws IOException {
        Chromium chromium = session.chromium();
        String n = intake.open(noiseComplaint(Instant.now()), IntakeDecision.REVIEW, null, "channel:web").theCase()
                .getCaseNumber();

        chromium.logIn("dispatcher", "demo");
        CenterConsolePage cityCenter = new CenterConsolePage(chromium);
        assertThat(cityCenter.transfer(n, "LS", "噪声源位于临山市青山区")).contains(n);
        assertThat(chromium.text("#transferred-out")).isEqualTo("本工单现由临山市热线办理，本中心只能查看。");
        assertThat(chromium.text("#transfers")).contains("噪声源位于临山市青山区");

        chromium.forgetCookies();
        chromium.logIn("ls-dispatcher", "demo");
        CenterConsolePage lsCenter = new CenterConsolePage(chromium);
        assertThat(lsCenter.intakeMarker(n)).isEqualTo("转入");
        lsCenter.openCase(n);
        assertThat(chromium.text("#transferred-in")).contains("由示范市热线转入");
        chromium.screenshot("center-case-transferred-in");
        assertThat(lsCenter.refuseTransfer(n, "地址位于示范市东城区")).contains(n);
        assertThat(chromium.text("#transferred-out")).contains("示范市");
        assertThat(cases.findByCaseNumber(n).orElseThrow().getRegionCode()).isEqualTo("CITY");

        chromium.forgetCookies();
        chromium.logIn("dispatcher", "demo");
        cityCenter.openCase(n);
        assertThat(chromium.text(".case-timeline")).contains("此事项属于其他城市，已转至该市热线办理",
                "对方城市热线认为此事项不属其管辖，已退回本市热线办理");
    }
}

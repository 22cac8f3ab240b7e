package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.hotline8890.cases.CaseRepository;
import org.hotline8890.organisation.Organisation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The public dashboard and ranking in Debian's headless Chromium ({@link Chromium}) on a wide screen. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class DashboardBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    private Chromium chromium;

    @Autowired CaseRepository cases;
    @Autowired Organisation organisation;

    @BeforeEach
    void browserAndKnownCases() throws IOException {
        DashboardFixture.ensureStored(cases, organisation);
        chromium = session.chromium();
    }

    @Test
    void everyChartIsDrawnWithItsTableBesideIt() throws IOException {
        DashboardPage page = DashboardPage.open(chromium, "2019-05", "2019-06");
        assertThat(page.completedCount("HBJ")).isEqualTo(1);
        for (String id : List.of("months", "departments", "districts")) {
            WebElement canvas = chromium.find("#chart-" + id);
            assertThat(canvas.getAttribute("aria-label")).isNotBlank();
            // Chart.js sizes the canvas's bitmap when it draws; an undrawn canvas keeps the default 300×150 or 0.
            new WebDriverWait(chromium.driver(), Duration.ofSeconds(10)).until(d -> drawn(canvas));
            assertThat(canvas.getSize().getWidth()).isPositive();
            assertThat(canvas.getSize().getHeight()).isPositive();
            assertThat(chromium.find("#table-" + id).isDisplayed()).isTrue();
        }
        assertThat(chromium.driver().findElements(By.cssSelector("#table-months tbody tr"))).hasSize(2);
        chromium.screenshot("dashboard");
    }

    @Test
    void theRankingShowsTheBestAndWorstAndTheDepartmentsNotRanked() throws IOException {
        DashboardPage page = DashboardPage.openRanking(chromium, "2019-07");
        assertThat(page.callOut("best")).containsExactly("HBJ", "ZJJ", "SCJG");
        assertThat(page.callOut("worst")).containsExactly("JTJ", "RSJ", "DC-CGJ");
        assertThat(chromium.find("#table-ranked").isDisplayed()).isTrue();
        assertThat(chromium.find("#table-not-ranked").getText()).contains("西城区城市管理局");
        chromium.screenshot("ranking");
    }

    /** Chart.js marks a canvas it drew on with a chart instance; its rendered size is then the container's. */
    private boolean drawn(WebElement canvas) {
        Object drawn = ((org.openqa.selenium.JavascriptExecutor) chromium.driver())
                .executeScript("return typeof Chart !== 'undefined' && Chart.getChart(arguments[0]) !== undefined"
                        + " && arguments[0].width > 0 && arguments[0].height > 0;", canvas);
        return Boolean.TRUE.equals(drawn);
    }
}

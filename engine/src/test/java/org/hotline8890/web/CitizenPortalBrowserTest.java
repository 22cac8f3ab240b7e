package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The citizen portal in Debian's headless Chromium ({@link Chromium}), sized like a phone. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CitizenPortalBrowserTest {

    private static Chromium chromium;
    private static WebDriver browser;
    private static CitizenPortalPage portal;

    @LocalServerPort int port;


    @AfterAll
    static void stopBrowser() throws IOException {
        if (chromium != null) {
            chromium.close();
            chromium = null;
        }
    }

    /** The browser starts with the first test, once the server's port is known; each test starts without cookies. */
    @BeforeEach
    void browserWithoutCookies() throws IOException {
        if (chromium == null) {
            chromium = Chromium.start(port, Chromium.PHONE);
            browser = chromium.driver();
            portal = new CitizenPortalPage(chromium);
        }
        chromium.forgetCookies();
    }

    @Test
    void aCitizenSubmitsOnThePageSeesNumberAndCodeAndFindsTheCaseReceived() throws IOException {
        open("/");
        screenshot("home");
        chromium.clickThrough(browser.findElement(By.cssSelector("a[href='/citizen/requests/new']")));
        CitizenPortalPage.Submitted shown = submitNoiseComplaint("夜间施工噪音", "东华路工地每晚23点后仍在施工", "request");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("查询码只显示这一次");

        String status = portal.lookUp(shown.caseNumber(), shown.queryCode(), "case");
        assertThat(status).isEqualTo("已登记，等待受理");
        assertThat(portal.timeline()).contains("诉求已登记");
    }

    @Test
    void anEnglishReaderDoesTheSameInEnglish() throws IOException {
        open("/?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome to the 8890 hotline");
        chromium.clickThrough(browser.findElement(By.cssSelector("a[href='/citizen/requests/new']")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Submit a request");
        CitizenPortalPage.Submitted shown = submitNoiseComplaint("Building site noise at night",
                "Work goes on after 11 pm every night.", "request-en");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("the code is shown only this once");

        assertThat(portal.lookUp(shown.caseNumber(), shown.queryCode(), null)).isEqualTo("Registered, waiting for intake review");
    }

    @Test
    void theOtherPagesOpenAndAMissingPageIsExplained() throws IOException {
        open("/login");
        assertThat(browser.findElement(By.cssSelector("label[for='username']")).getText()).isEqualTo("用户名");
        screenshot("login");
        open("/public/results");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("办理结果公开");
        screenshot("results");
        open("/citizen/requests/new");
        chromium.clickThrough(browser.findElement(By.cssSelector("form button[type='submit']")));
        assertThat(browser.findElement(By.cssSelector(".notice.error")).getText()).contains("有些内容需要修改");
        screenshot("request-refused");
        open("/citizen/no-such-page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("找不到这个页面");
        screenshot("not-found");
    }

    /** Fills and sends the request form already open; answers the case number and the query code shown. */
    private CitizenPortalPage.Submitted submitNoiseComplaint(String subject, String content, String shot) throws IOException {
        CitizenPortalPage.Submitted shown = portal.submit(
                CitizenPortalPage.Request.noiseComplaint(subject, content, "13812345678"), shot);
        assertThat(shown.caseNumber()).startsWith("8890-");
        assertThat(shown.queryCode()).isNotBlank();
        return shown;
    }

    private void open(String path) {
        chromium.open(path);
    }

    private void screenshot(String name) throws IOException {
        chromium.screenshot(name);
    }
}

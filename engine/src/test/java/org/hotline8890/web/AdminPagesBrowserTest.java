package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.hotline8890.calendar.CalendarDay;
import org.hotline8890.calendar.HolidayFileParser;
import org.hotline8890.calendar.ParsedCalendar;
import org.hotline8890.calendar.WorkingCalendarService;
import org.hotline8890.organisation.StaffUserRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** An administrator at a desktop in Debian's headless Chromium ({@link Chromium}): organisation, users, calendar. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AdminPagesBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    private Chromium chromium;
    private WebDriver browser;

    @Autowired StaffUserRepository users;
    @Autowired WorkingCalendarService calendar;

    @BeforeEach
    void browserWithoutCookies() throws IOException {
        chromium = session.chromium();
        browser = chromium.driver();
    }

    /** The login's redirects may still be under way when the click returns. */
    private void landsOn(String path) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.urlMatches(".*" + path + "$"));
        assertThat(browser.getCurrentUrl()).endsWith(path);
    }

    @Test
    void anAdminAddsAUnitAndAUserWhoThenLogsIn() throws IOException {
        chromium.logIn("admin", "demo");
        landsOn("/admin");
        assertThat(chromium.text("h1")).isEqualTo("系统管理");
        chromium.screenshot("admin");

        chromium.clickThrough(browser.findElement(By.cssSelector("main a[href='/admin/organisation']")));
        new Select(chromium.await("#unit-parent")).selectByVisibleText("CITY 示范市");
        browser.findElement(By.id("unit-code")).sendKeys("WLJ");
        browser.findElement(By.id("unit-name")).sendKeys("市文化和旅游局");
        browser.findElement(By.id("unit-name-en")).sendKeys("Culture and Tourism Bureau");
        new Select(browser.findElement(By.id("unit-kind"))).selectByValue("DEPARTMENT");
        chromium.clickThrough(browser.findElement(By.cssSelector("#add-unit button[type='submit']")));
        assertThat(chromium.await("#notice").getText()).contains("WLJ");
        assertThat(chromium.text("#unit-WLJ")).contains("市文化和旅游局", "部门");

        chromium.open("/admin/users");
        String username = "tourism-" + System.nanoTime();
        browser.findElement(By.id("user-username")).sendKeys(username);
        browser.findElement(By.id("user-display-name")).sendKeys("文旅局承办人");
        new Select(browser.findElement(By.id("user-role"))).selectByValue("DEPARTMENT");
        new Select(browser.findElement(By.id("user-unit"))).selectByVisibleText("WLJ 市文化和旅游局");
        browser.findElement(By.id("user-password")).sendKeys("short");
        chromium.clickThrough(browser.findElement(By.cssSelector("#add-user button[type='submit']")));
        assertThat(chromium.await("#user-password-error").getText()).contains("至少需要 10 个字符");
        browser.findElement(By.id("user-password")).sendKeys("culture-and-tourism");
        chromium.clickThrough(browser.findElement(By.cssSelector("#add-user button[type='submit']")));
        assertThat(chromium.await("#notice").getText()).contains(username);
        assertThat(chromium.text("#user-" + username)).contains("文旅局承办人");
        chromium.screenshot("admin-users");
        assertThat(users.findByUsername(username)).isPresent();

        chromium.forgetCookies();
        chromium.logIn(username, "culture-and-tourism");
        landsOn("/department");
    }

    @Test
    void anAdminImportsACalendarAfterSeeingItsChanges() throws IOException {
        ParsedCalendar stored;
        try (InputStream in = getClass().getResourceAsStream("/holiday-cn/2025.json")) {
            stored = HolidayFileParser.parseJson(in);
        }
        List<CalendarDay> days = new ArrayList<>(stored.days());
        LocalDate added = LocalDate.of(2025, 8, 18);
        days.add(new CalendarDay(added, true, "防汛假"));
        Path file = Files.createTempDirectory("calendar").resolve("2025.json");
        Files.write(file, new ObjectMapper().writeValueAsBytes(Map.of("year", 2025, "days", days.stream()
                .map(d -> Map.of("name", d.name(), "date", d.date().toString(), "isOffDay", d.offDay())).toList())));
        try {
            chromium.logIn("admin", "demo");
            landsOn("/admin");
            chromium.open("/admin/calendar");
            browser.findElement(By.id("calendar-file")).sendKeys(file.toAbsolutePath().toString());
            chromium.clickThrough(browser.findElement(By.cssSelector("#upload button[type='submit']")));
            assertThat(chromium.await("#change-" + added).getText()).contains("新增", "防汛假");
            assertThat(browser.findElements(By.cssSelector("#changes tbody tr"))).hasSize(1);
            chromium.screenshot("admin-calendar-preview");

            chromium.clickThrough(browser.findElement(By.cssSelector("#apply button[type='submit']")));
            assertThat(chromium.await("#notice").getText()).contains("2025");
            assertThat(calendar.calculator()).isNotNull();

            chromium.open("/admin/channels");
            assertThat(chromium.text("#channel-WEB")).contains("开启");
            chromium.screenshot("admin-channels");
        } finally {
            calendar.importYear(stored, "bundled holiday-cn/2025.json");
            Files.deleteIfExists(file);
        }
    }
}

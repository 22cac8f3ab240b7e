package org.hotline8890.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** An administrator edits the dispatch catalogue in Debian's headless Chromium ({@link Chromium}) at desktop size. */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RuleTablesBrowserTest {

    @RegisterExtension
    static final OneBrowser session = new OneBrowser(Chromium.DESKTOP);

    private Chromium chromium;

    @Autowired RepositoryService repository;
    @Autowired DecisionService decisions;

    int versionAtStart;

    @BeforeEach
    void browser() throws IOException {
        chromium = session.chromium();
        versionAtStart = latestVersion();
    }

    /** Puts the shipped cell back through the same page, so the table ends as it began. */
    @AfterEach
    void restore() {
        if (latestVersion() != versionAtStart) {
            chromium.open("/admin/dispatch-catalogue");
            WebElement cell = chromium.find("#cell-r0-o0");
            cell.clear();
            cell.sendKeys("\"DC-CGJ\"");
            chromium.clickThrough(chromium.find("button[name='action'][value='save']"));
            chromium.await("p.notice[role='status']");
        }
    }

    @Test
    void anAdministratorChangesOneCellPreviewsAndSaves() throws IOException {
        chromium.logIn("admin", "demo");
        chromium.open("/admin/dispatch-catalogue");
        assertThat(chromium.text("h1")).isEqualTo("派单目录");

        WebElement department = chromium.find("#cell-r0-o0");
        assertThat(department.getAttribute("value")).isEqualTo("\"DC-CGJ\"");
        department.clear();
        department.sendKeys("\"HBJ\"");
        chromium.clickThrough(chromium.find("button[name='action'][value='preview']"));
        assertThat(chromium.await(".rule-preview").getText()).contains("~ row 1: Department \"DC-CGJ\" → \"HBJ\"");
        assertThat(latestVersion()).as("the preview deploys nothing").isEqualTo(versionAtStart);
        chromium.screenshot("admin-dispatch-catalogue");

        chromium.clickThrough(chromium.find("button[name='action'][value='save']"));
        assertThat(chromium.await("p.notice[role='status']").getText()).contains("新版本为 " + (versionAtStart + 1));
        assertThat(chromium.driver().findElements(By.cssSelector("section[aria-labelledby='history-heading'] tbody tr")))
                .isNotEmpty();
        List<Object> routed = decisions.evaluateDecisionTableByKey("dispatch_catalogue", Variables.createVariables()
                        .putValue("type", "COMPLAINT").putValue("category", "URBAN.ROAD").putValue("district", "DC"))
                .collectEntries("department");
        assertThat(routed).first().isEqualTo("HBJ");
    }

    private int latestVersion() {
        return repository.createDecisionDefinitionQuery().decisionDefinitionKey("dispatch_catalogue").latestVersion()
                .singleResult().getVersion();
    }
}

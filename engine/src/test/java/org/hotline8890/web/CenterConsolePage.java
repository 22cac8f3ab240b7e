package org.hotline8890.web;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The center console as a dispatcher uses it in a browser, one method per piece of work, for any test
 * that walks a case through the center (log in as {@code dispatcher} or {@code supervisor} first).
 * Each action opens the console, opens the case's row in its queue, fills the row's form, sends it and
 * waits for the success notice, which it answers.
 */
public final class CenterConsolePage {

    private final Chromium chromium;
    private final WebDriver browser;

    public CenterConsolePage(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
    }

    public CenterConsolePage open() {
        chromium.open("/center");
        chromium.await("h1");
        return this;
    }

    /** The case's page for the center: its facts, its staff timeline and the actions its status allows. */
    public CenterConsolePage openCase(String caseNumber) {
        chromium.open("/center/cases/" + caseNumber);
        chromium.await("#case-status");
        return this;
    }

    /** The heading of a queue with its count, e.g. {@code "intake"} → "待受理审核（3）". */
    public String queueHeading(String queue) {
        return chromium.text("#queue-" + queue + "-title");
    }

    /** What the dispatch catalogue suggests for a case under intake review, as the console says it. */
    public String suggestionFor(String caseNumber) {
        openRow("intake", caseNumber);
        return row("intake", caseNumber).findElement(By.id("intake-" + caseNumber + "-suggestion")).getText();
    }

    /**
     * 受理 → 派单: with {@code departmentCode} null the catalogue's suggestion (preselected) is confirmed;
     * otherwise the dispatcher overrides it with that department.
     */
    public String reviewAndDispatch(String caseNumber, String departmentCodeOrNull) {
        WebElement row = openRow("intake", caseNumber);
        row.findElement(By.cssSelector("input[name='decision'][value='DISPATCH']")).click();
        if (departmentCodeOrNull != null) {
            new Select(row.findElement(By.id("intake-" + caseNumber + "-department"))).selectByValue(departmentCodeOrNull);
        }
        chromium.clickThrough(row.findElement(By.cssSelector("form.intake-form button[type='submit']")));
        return notice();
    }

    /** The catalogue found nobody: the center names the department. */
    public String dispatchManually(String caseNumber, String departmentCode) {
        WebElement row = openRow("dispatch", caseNumber);
        new Select(row.findElement(By.id("dispatch-" + caseNumber + "-department"))).selectByValue(departmentCode);
        chromium.clickThrough(row.findElement(By.cssSelector("form.dispatch-form button[type='submit']")));
        return notice();
    }

    public String approveExtension(String caseNumber) {
        WebElement row = openRow("extensions", caseNumber);
        chromium.clickThrough(row.findElement(By.cssSelector("button[name='approved'][value='true']")));
        return notice();
    }

    public String acceptReply(String caseNumber) {
        WebElement row = openRow("replies", caseNumber);
        chromium.clickThrough(row.findElement(By.cssSelector("button[name='accepted'][value='true']")));
        return notice();
    }

    /** 回访: {@code level} is a {@link org.hotline8890.cases.Satisfaction} name such as {@code SATISFIED}. */
    public String recordFeedbackCall(String caseNumber, String level) {
        WebElement row = openRow("feedback", caseNumber);
        row.findElement(By.cssSelector("input[name='rating'][value='" + level + "']")).click();
        chromium.clickThrough(row.findElement(By.cssSelector("form.feedback-form button[type='submit']")));
        return notice();
    }

    /** The call script the console shows for a feedback call. */
    public String callScript(String caseNumber) {
        return openRow("feedback", caseNumber).findElement(By.cssSelector(".call-script")).getText();
    }

    /** 跨区域转办 from the case's page: the region (its code) and the reason. */
    public String transfer(String caseNumber, String regionCode, String reason) {
        openCase(caseNumber);
        new Select(chromium.find("#transfer-" + caseNumber + "-region")).selectByValue(regionCode);
        chromium.find("#transfer-" + caseNumber + "-reason").sendKeys(reason);
        chromium.clickThrough(chromium.find("form.transfer-form button[type='submit']"));
        return notice();
    }

    /** The receiving center sends a transfer back from the case's page. */
    public String refuseTransfer(String caseNumber, String reason) {
        openCase(caseNumber);
        chromium.find("#refusal-" + caseNumber + "-reason").sendKeys(reason);
        chromium.clickThrough(chromium.find("form.transfer-refusal-form button[type='submit']"));
        return notice();
    }

    /** The marker beside a case in the intake queue, such as "转入" for a case transferred in; empty if none. */
    public String intakeMarker(String caseNumber) {
        open();
        return row("intake", caseNumber).findElements(By.cssSelector(".transferred-in")).stream()
                .map(WebElement::getText).findFirst().orElse("");
    }

    private WebElement openRow(String queue, String caseNumber) {
        if (browser.findElements(By.id("queues")).isEmpty()) {
            open();
        }
        WebElement row = row(queue, caseNumber);
        WebElement details = row.findElement(By.tagName("details"));
        if (details.getAttribute("open") == null) {
            details.findElement(By.tagName("summary")).click();
        }
        return row;
    }

    private WebElement row(String queue, String caseNumber) {
        return new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#queue-" + queue + " tr[data-case='" + caseNumber + "']")));
    }

    private String notice() {
        try {
            return chromium.await("main .notice[role='status']").getText();
        } catch (org.openqa.selenium.TimeoutException missing) {
            // Say what the page showed instead, so a failing walk explains itself.
            throw new AssertionError("no success notice on " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("main")).getText(), missing);
        }
    }
}

package org.hotline8890.web;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The department workbench as a handler uses it in a browser, for any test that walks a case through a
 * department (this class's own test, the lead's whole-life walk). Log in as a department first
 * ({@link Chromium#logIn}); every step opens the case page itself, so steps can be used in any order.
 */
public final class DepartmentWorkbenchPage {

    /** What a page opened by URL shows: its heading, and the case's status code (null on an error page). */
    public record Opened(String title, String status) {
    }

    private final Chromium chromium;
    private final WebDriver browser;

    public DepartmentWorkbenchPage(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
    }

    /** The workbench list: the case numbers in the order shown. */
    public List<String> openList() {
        chromium.open("/department");
        return browser.findElements(By.cssSelector("tr[data-case]")).stream()
                .map(row -> row.getAttribute("data-case")).toList();
    }

    /** The countdown's colour class (due-ok, due-warning, due-overdue) of a case in the list. */
    public String countdownClass(String caseNumber) {
        chromium.open("/department");
        String classes = browser.findElement(By.cssSelector("tr[data-case='" + caseNumber + "'] .countdown"))
                .getAttribute("class");
        return classes.replace("countdown", "").strip();
    }

    public Opened openByUrl(String caseNumber) {
        chromium.open("/department/cases/" + caseNumber);
        List<WebElement> status = browser.findElements(By.id("case-status"));
        return new Opened(browser.findElement(By.tagName("h1")).getText(),
                status.isEmpty() ? null : status.get(0).getAttribute("data-status"));
    }

    /** Signs for the case (签收); returns the notice shown. */
    public String sign(String caseNumber) {
        openByUrl(caseNumber);
        chromium.clickThrough(browser.findElement(By.id("sign")));
        return notice();
    }

    /** Returns the case to the center with a reason; returns the notice shown. */
    public String returnToCenter(String caseNumber, String reason) {
        openByUrl(caseNumber);
        browser.findElement(By.id("return-reason")).sendKeys(reason);
        chromium.clickThrough(browser.findElement(By.cssSelector("#return-form button[type='submit']")));
        return notice();
    }

    /** Requests an extension to the end of {@code date}; returns the notice, or the field's message if refused. */
    public String requestExtension(String caseNumber, LocalDate date, String reason) {
        openByUrl(caseNumber);
        WebElement until = browser.findElement(By.id("extension-until"));
        // A date field's typing order follows the browser's locale; its value is always ISO.
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]", until, date.toString());
        browser.findElement(By.id("extension-reason")).sendKeys(reason);
        chromium.clickThrough(browser.findElement(By.cssSelector("#extension-form button[type='submit']")));
        return noticeOrFieldError("extension-until-error");
    }

    /** Replies with the text and, if given, one file; returns the notice, or the field's message if refused. */
    public String reply(String caseNumber, String text, Path attachmentOrNull) {
        openByUrl(caseNumber);
        browser.findElement(By.id("reply-text-input")).sendKeys(text);
        if (attachmentOrNull != null) {
            browser.findElement(By.id("reply-files")).sendKeys(attachmentOrNull.toAbsolutePath().toString());
        }
        chromium.clickThrough(browser.findElement(By.cssSelector("#reply-form button[type='submit']")));
        return noticeOrFieldError("reply-files-error");
    }

    /** A sub-center sends the case to a unit of its subtree (二次派单); returns the notice, or the field's message. */
    public String redispatch(String caseNumber, String unitCode) {
        openByUrl(caseNumber);
        new Select(browser.findElement(By.id("redispatch-unit"))).selectByValue(unitCode);
        chromium.clickThrough(browser.findElement(By.id("redispatch")));
        return noticeOrFieldError("redispatch-unit-error");
    }

    /** A sub-center approves its unit's reply, passing it on to the city center; returns the notice. */
    public String approveReply(String caseNumber) {
        openByUrl(caseNumber);
        chromium.clickThrough(browser.findElement(By.id("approve")));
        return notice();
    }

    /** 协办: the "cases we assist" list, case numbers in the order shown. */
    public List<String> openAssistList() {
        chromium.open("/department");
        return browser.findElements(By.cssSelector("tr[data-assist]")).stream()
                .map(row -> row.getAttribute("data-assist")).toList();
    }

    /** The assisting unit signs for its part; returns the notice shown. */
    public String signAssist(String caseNumber) {
        openByUrl(caseNumber);
        chromium.clickThrough(browser.findElement(By.id("assist-sign")));
        return notice();
    }

    /** The assisting unit gives its contribution; returns the notice, or the field's message if refused. */
    public String contribute(String caseNumber, String text) {
        openByUrl(caseNumber);
        browser.findElement(By.id("contribution-text")).sendKeys(text);
        chromium.clickThrough(browser.findElement(By.cssSelector("#contribution-form button[type='submit']")));
        return noticeOrFieldError("contribution-text-error");
    }

    /** The state of the assisting unit's own part as its case page shows it (a code such as SIGNED). */
    public String myAssistState(String caseNumber) {
        openByUrl(caseNumber);
        return browser.findElement(By.id("my-assist-state")).getAttribute("data-state");
    }

    /** The names of the files listed on the case page. */
    public List<String> attachmentNames(String caseNumber) {
        openByUrl(caseNumber);
        return browser.findElements(By.cssSelector("#attachments li a")).stream().map(WebElement::getText).toList();
    }

    /** The click may return before the page it posts to has loaded: wait for that page's notice. */
    private String notice() {
        return chromium.await("#notice").getText();
    }

    private String noticeOrFieldError(String errorId) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("notice")),
                ExpectedConditions.presenceOfElementLocated(By.id(errorId))));
        List<WebElement> notice = browser.findElements(By.id("notice"));
        if (!notice.isEmpty()) {
            return notice.get(0).getText();
        }
        List<WebElement> error = browser.findElements(By.id(errorId));
        return error.isEmpty() ? browser.findElement(By.tagName("main")).getText() : error.get(0).getText();
    }
}

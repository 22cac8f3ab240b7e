package org.hotline8890.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen portal as a citizen uses it in a browser, for any test that starts or follows a case from
 * the citizen's side (the portal's own test, the whole-life walk): fill and send the request form, keep
 * the case number and query code, look the case up, rate it. Nobody logs in; the query code is the key.
 */
public final class CitizenPortalPage {

    /**
     * What the citizen writes on the form; {@code type}, {@code category} and {@code district} are codes.
     * Only a case whose citizen ticked {@code consentToPublish} is published when closed.
     */
    public record Request(String type, String category, String district, String subject, String content, String name,
                          String phone, boolean consentToPublish) {

        public static Request noiseComplaint(String subject, String content, String phone) {
            return new Request("COMPLAINT", "ENV.NOISE", "DC", subject, content, null, phone, false);
        }
    }

    /** What the submitted page shows once: the case number and the query code to keep. */
    public record Submitted(String caseNumber, String queryCode) {
    }

    private final Chromium chromium;
    private final WebDriver browser;

    public CitizenPortalPage(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
    }

    /** Opens the request form directly (the home page links to it too). */
    public CitizenPortalPage openRequestForm() {
        chromium.open("/citizen/requests/new");
        return this;
    }

    /**
     * Fills the form already open and sends it; with {@code shot} non-null the filled form is saved as
     * {@code shot} and the answer page as {@code shot-submitted}.
     */
    public Submitted submit(Request request, String shot) throws IOException {
        new Select(browser.findElement(By.id("type"))).selectByValue(request.type());
        new Select(browser.findElement(By.id("category"))).selectByValue(request.category());
        new Select(browser.findElement(By.id("district"))).selectByValue(request.district());
        browser.findElement(By.id("subject")).sendKeys(request.subject());
        browser.findElement(By.id("content")).sendKeys(request.content());
        if (request.name() != null) {
            browser.findElement(By.id("name")).sendKeys(request.name());
        }
        browser.findElement(By.id("phone")).sendKeys(request.phone());
        if (request.consentToPublish()) {
            browser.findElement(By.cssSelector("input[type='checkbox'][name='consentToPublish']")).click();
        }
        if (shot != null) {
            chromium.screenshot(shot);
        }
        chromium.clickThrough(browser.findElement(By.cssSelector("form button[type='submit']")));
        Submitted shown = new Submitted(chromium.await("#case-number").getText(), chromium.text("#query-code"));
        if (shot != null) {
            chromium.screenshot(shot + "-submitted");
        }
        return shown;
    }

    /**
     * Goes to the look-up page by its link on the current page (or by URL when there is none), types
     * the number and code and sends them; answers the status in words, or null when the page says it
     * found nothing. With {@code shot} non-null the filled form is saved as {@code lookup} and the case
     * page as {@code shot}.
     */
    public String lookUp(String caseNumber, String queryCode, String shot) throws IOException {
        List<WebElement> link = browser.findElements(By.cssSelector("a[href='/citizen/lookup']"));
        if (link.isEmpty()) {
            chromium.open("/citizen/lookup");
        } else {
            chromium.clickThrough(link.get(0));
        }
        chromium.await("#caseNumber").sendKeys(caseNumber);
        browser.findElement(By.id("queryCode")).sendKeys(queryCode);
        if (shot != null) {
            chromium.screenshot("lookup");
        }
        chromium.clickThrough(browser.findElement(By.cssSelector("form button[type='submit']")));
        // Either the case page or the look-up page again with its message; a loaded machine may take a while.
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.or(
                ExpectedConditions.presenceOfElementLocated(By.id("case-status")),
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("main .notice.error"))));
        List<WebElement> status = browser.findElements(By.id("case-status"));
        if (shot != null) {
            chromium.screenshot(shot);
        }
        return status.isEmpty() ? null : status.get(0).getText();
    }

    /** The message the look-up page shows when it refuses (wrong code, missing field), or null. */
    public String problem() {
        List<WebElement> problem = browser.findElements(By.cssSelector("main .notice.error"));
        return problem.isEmpty() ? null : problem.get(0).getText();
    }

    /** The case page's timeline as text. */
    public String timeline() {
        return chromium.text(".timeline");
    }

    /** Whether the case page open now offers the rating form (the case waits for the citizen's rating). */
    public boolean ratingOffered() {
        return !browser.findElements(By.id("feedback-title")).isEmpty();
    }

    /**
     * Rates the case on the case page open now: {@code level} is a {@link org.hotline8890.cases.Satisfaction}
     * name; answers the notice the page shows (thanks or why not).
     */
    public String rate(String level, String comment) {
        chromium.await("#rating-" + level).click();
        if (comment != null) {
            browser.findElement(By.id("comment")).sendKeys(comment);
        }
        chromium.clickThrough(browser.findElement(By.cssSelector("section[aria-labelledby='feedback-title'] button[type='submit']")));
        return chromium.await("main .notice").getText();
    }
}

package org.hotline8890.web;

import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The agent console (/agent) as an agent works it in the browser, for any browser test that needs a
 * call logged: open it, wait for a screen pop, fill the five elements, take a knowledge answer, save
 * and read out the case number. Each method does what the agent would do with the keyboard and mouse.
 */
public final class AgentConsolePage {

    /** What the agent hears from the caller; {@code district} and {@code category} are codes. */
    public record Call(String phone, String name, String occurredAt, String district, String location, String subject,
                       String content, String wish, String type, String category) {

        public static Call noiseComplaint(String phone) {
            return new Call(phone, "王先生", "昨晚23点起", "DC", "东华路12号工地", "夜间施工噪音",
                    "东华路工地每晚23点后仍在施工，噪音很大", "停止夜间施工", "COMPLAINT", "ENV.NOISE");
        }
    }

    /** The screen pop as shown: the caller's number and the rows of earlier cases (number, subject, status, date). */
    public record ScreenPop(String callerNumber, List<List<String>> earlierCases) {
    }

    private final Chromium chromium;
    private final WebDriver browser;

    private AgentConsolePage(Chromium chromium) {
        this.chromium = chromium;
        this.browser = chromium.driver();
    }

    /** Opens the console; the browser must be logged in as an agent, dispatcher or supervisor. */
    public static AgentConsolePage open(Chromium chromium) {
        chromium.open("/agent");
        chromium.await("#intake");
        return new AgentConsolePage(chromium);
    }

    /** Logs in and opens the console. */
    public static AgentConsolePage logInAndOpen(Chromium chromium, String username) {
        chromium.logIn(username, "demo");
        return open(chromium);
    }

    /** Waits until the live feed is connected, so a call that rings next pops up. */
    public AgentConsolePage awaitLiveFeed() {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#screen-pop[data-live='true']")));
        return this;
    }

    /** Waits for the screen pop of a ringing call and answers what it shows. */
    public ScreenPop awaitScreenPop(String callerNumber) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.textToBe(By.id("pop-caller"), callerNumber));
        List<List<String>> rows = browser.findElements(By.cssSelector("#pop-cases tr")).stream()
                .map(tr -> tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList())
                .toList();
        return new ScreenPop(chromium.text("#pop-caller"), rows);
    }

    public String phoneField() {
        return chromium.find("#phone").getAttribute("value");
    }

    /** Fills the five elements and the filing; the phone only if the screen pop did not fill it already. */
    public AgentConsolePage fill(Call call) {
        WebElement phone = chromium.find("#phone");
        if (!call.phone().equals(phone.getAttribute("value"))) {
            phone.clear();
            phone.sendKeys(call.phone());
        }
        type("#name", call.name());
        type("#occurredAt", call.occurredAt());
        new Select(chromium.find("#district")).selectByValue(call.district());
        type("#location", call.location());
        type("#subject", call.subject());
        type("#content", call.content());
        type("#wish", call.wish());
        new Select(chromium.find("#type")).selectByValue(call.type());
        new Select(chromium.find("#category")).selectByValue(call.category());
        return this;
    }

    /** Types into the knowledge search (as the agent does after Alt+K) and waits for the live results. */
    public List<String> searchKnowledge(String words) {
        WebElement search = chromium.find("#kb");
        search.clear();
        search.sendKeys(words);
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#kb-results .kb-article")));
        return browser.findElements(By.cssSelector("#kb-results .kb-article h3")).stream().map(WebElement::getText).toList();
    }

    /** Takes the answer of the search result whose question contains {@code question}; answers that answer text. */
    public String useAnswerOf(String question) {
        WebElement article = browser.findElements(By.cssSelector("#kb-results .kb-article")).stream()
                .filter(a -> a.findElement(By.tagName("h3")).getText().contains(question)).findFirst()
                .orElseThrow(() -> new AssertionError("no knowledge result about " + question));
        article.findElement(By.cssSelector("button.use-answer")).click();
        return chromium.find("#answer").getAttribute("value");
    }

    /** Chooses to send the call on for dispatch instead of answering it. */
    public AgentConsolePage sendOnForDispatch() {
        chromium.find("input[name='decision'][value='DISPATCH']").click();
        return this;
    }

    /** Chooses one of the caller's open cases offered as similar, so the call joins it. */
    public AgentConsolePage chooseExistingCase(String caseNumber) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("input[name='existingCase'][value='" + caseNumber + "']"))).click();
        return this;
    }

    /** Saves and answers the case number shown to read out. */
    public String save() {
        chromium.clickThrough(chromium.find("#save"));
        return chromium.await("#saved-case-number").getText();
    }

    /** The query code shown once with a new case. */
    public String queryCode() {
        return chromium.text("#saved-query-code");
    }

    /** A whole call: fill, optionally answer from the knowledge base, save; answers the case number. */
    public String logCall(Call call, String knowledgeWords, String knowledgeQuestion) {
        fill(call);
        if (knowledgeWords == null) {
            sendOnForDispatch();
        } else {
            searchKnowledge(knowledgeWords);
            useAnswerOf(knowledgeQuestion);
        }
        return save();
    }

    private void type(String css, String text) {
        if (text != null) {
            WebElement field = chromium.find(css);
            field.clear();
            field.sendKeys(text);
        }
    }
}

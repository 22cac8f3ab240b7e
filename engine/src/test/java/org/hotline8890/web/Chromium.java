package org.hotline8890.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One Debian headless Chromium for a browser test, set to Chinese like most users' browsers. The driver
 * is the installed {@code /usr/bin/chromedriver}, so Selenium Manager downloads nothing. Each page saved
 * with {@link #screenshot} lands in {@code target/browser-screenshots} for a person to look at.
 */
public final class Chromium implements AutoCloseable {

    /**
     * Where screenshots go: {@code target/browser-screenshots}, or the folder given with
     * {@code -Dhotline.screenshots=...} (README: how docs/screenshots is regenerated).
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("hotline.screenshots", "target/browser-screenshots"));
    /** A phone, for the citizen's pages. */
    public static final String PHONE = "412,1400";
    /** A staff member's wide screen. */
    public static final String DESKTOP = "1440,1000";

    private final Path profile;
    private final WebDriver browser;
    private final String base;

    private Chromium(int port, String windowSize) throws IOException {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        this.profile = Files.createTempDirectory("hotline-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--user-data-dir=" + profile, "--window-size=" + windowSize, "--lang=zh-CN");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
        this.browser = new ChromeDriver(options);
        this.base = "http://localhost:" + port;
        Files.createDirectories(SCREENSHOTS);
    }

    /** A browser of its own (own cookies, own login) against the app on {@code port}. */
    public static Chromium start(int port, String windowSize) throws IOException {
        return new Chromium(port, windowSize);
    }

    public WebDriver driver() {
        return browser;
    }

    public void open(String path) {
        browser.get(base + path);
    }

    /** Logs in on the login page; the demo staff all have the password {@code demo}. */
    public void logIn(String username, String password) {
        open("/login");
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        clickThrough(browser.findElement(By.cssSelector("main form button[type='submit']")));
    }

    public void forgetCookies() {
        open("/");
        browser.manage().deleteAllCookies();
    }

    public WebElement find(String css) {
        return browser.findElement(By.cssSelector(css));
    }

    /** Waits up to 10 s for an element, for what htmx or server-sent events put on the page. */
    public WebElement await(String css) {
        return new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    /**
     * Clicks what sends the browser to another page (a form's submit button, a link) and waits until it has
     * left this one. Without the wait, a look-up right after the click can find the old page's element (its
     * notice from the previous action, say), which then goes stale in the caller's hands.
     */
    public void clickThrough(WebElement control) {
        WebElement leaving = browser.findElement(By.tagName("html"));
        control.click();
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(page -> gone(leaving));
    }

    /**
     * Whether an element's page has been replaced. Besides the stale reference Selenium's own condition waits
     * for, Chromium answers "Node with given id does not belong to the document" when asked in the instant it
     * swaps the documents: gone as well (a CI run failed on it).
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException e) {
            return true;
        } catch (WebDriverException e) {
            if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    public String text(String css) {
        return find(css).getText();
    }

    public void screenshot(String name) throws IOException {
        Path taken = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(taken, SCREENSHOTS.resolve("pages-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        browser.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

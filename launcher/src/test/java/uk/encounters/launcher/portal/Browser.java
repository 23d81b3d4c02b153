package uk.encounters.launcher.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.encounters.launcher.IdentityTokens.SignIn;

/**
 * A headless Chromium from Debian's packages, driven through its own ChromeDriver (nothing is downloaded), at a
 * desktop width unless a test narrows it. Each page a test looks at can be checked with axe-core against WCAG 2.2
 * AA and saved as a screenshot under {@code target/portal-screenshots}.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("portal.browser", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("portal.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "portal-screenshots");
    /** The WCAG 2.0, 2.1 and 2.2 rules at levels A and AA, as axe-core tags them. */
    private static final List<String> WCAG_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final URI portal;

    private Browser(ChromeDriver driver, URI portal) {
        this.driver = driver;
        this.portal = portal;
    }

    /** Both packages present (CI installs them; {@code apt-get install chromium chromium-driver}). */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    /**
     * Skips the calling test where Chromium is missing, unless {@code PORTAL_BROWSER_REQUIRED} is set (CI sets it
     * after installing the packages), where it fails instead, so a broken install cannot pass as green.
     */
    public static void assumeAvailable() {
        boolean required = System.getenv("PORTAL_BROWSER_REQUIRED") != null;
        if (required) {
            assertThat(available()).as("Chromium at " + CHROMIUM + " and ChromeDriver at " + CHROMEDRIVER).isTrue();
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(available(),
                "No Chromium (apt-get install chromium chromium-driver) at " + CHROMIUM + " and " + CHROMEDRIVER);
    }

    /** The portal of the shared test platform, by IP literal: identity-service only redirects there. */
    public static URI sharedPortal() {
        int port = uk.encounters.launcher.SharedPlatform.get().baseUrl(uk.encounters.launcher.Service.PORTAL).getPort();
        return URI.create("http://127.0.0.1:" + port);
    }

    public static Browser open(URI portal) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // As root in a container Chromium needs --no-sandbox; the network flags stop it calling Google's servers,
        // which this machine's closed network refuses many at a time.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-extensions", "--lang=en-GB", "--window-size=1280,1000");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Browser(driver, portal);
    }

    /** Opens the portal and signs in at identity-service's form, as a person would. */
    public Browser signIn(SignIn account) {
        go("/");
        await().until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        driver.findElement(By.name("username")).sendKeys(account.email());
        driver.findElement(By.name("password")).sendKeys(account.password());
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        await().until(d -> d.getCurrentUrl().startsWith(portal.toString()) && !d.getCurrentUrl().contains("/login"));
        return this;
    }

    public Browser go(String path) {
        driver.get(portal.resolve(path).toString());
        return this;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public WebDriverWait await() {
        return new WebDriverWait(driver, PATIENCE);
    }

    public WebElement find(String css) {
        return await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the element shows the text (htmx swaps, live updates). */
    public WebElement awaitText(String css, String text) {
        await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css);
    }

    public String heading() {
        return find("h1").getText();
    }

    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** axe-core's WCAG 2.2 AA rules on the page as it is now; fails listing each violation and where. */
    public Browser assertAccessible(String page) {
        Results results = new AxeBuilder().withTags(WCAG_AA).analyze(driver);
        assertThat(results.getViolations()).as(page + " against WCAG 2.2 AA:\n" + describe(results.getViolations()))
                .isEmpty();
        return this;
    }

    /** At 360 px wide (a small phone) nothing makes the page itself scroll sideways. */
    public Browser assertFitsPhone(String page) {
        Dimension desktop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(360, 800));
            Number overflow = (Number) ((JavascriptExecutor) driver).executeScript(
                    "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(overflow.intValue()).as(page + " scrolls sideways at 360 px by this many pixels").isLessThanOrEqualTo(0);
        } finally {
            driver.manage().window().setSize(desktop);
        }
        return this;
    }

    /** Saves what the window shows (its size as set) as {@code target/portal-screenshots/<name>.png}. */
    public Browser screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = driver.getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Screenshot at phone width, with the page's full height. */
    public Browser phoneScreenshot(String name) {
        Dimension desktop = driver.manage().window().getSize();
        try {
            driver.manage().window().setSize(new Dimension(360, 1400));
            screenshot(name);
        } finally {
            driver.manage().window().setSize(desktop);
        }
        return this;
    }

    private static String describe(List<Rule> violations) {
        return violations.stream().map(rule -> "- " + rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp()
                        + rule.getNodes().stream().map(node -> "\n    at " + node.getTarget() + ": "
                                + node.getFailureSummary()).collect(Collectors.joining()))
                .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        driver.quit();
    }
}

package id.payung.e2e;

import id.payung.support.RealKeycloak;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A fresh headless Chromium (Debian's /usr/bin/chromium, driven by /usr/bin/chromedriver; Selenium Manager
 * is never asked for anything) for each test, with a throw-away profile, so that every test starts signed
 * out of both Payung and Keycloak. On failure the page's screenshot, source and URL go to app/target/e2e/.
 * Register with {@code @RegisterExtension final Browser browser = new Browser();}.
 */
final class Browser implements BeforeEachCallback, AfterTestExecutionCallback, AfterEachCallback {

    static final Path EVIDENCE = RealKeycloak.repositoryRoot().resolve("app/target/e2e");

    private WebDriver driver;
    private Path profile;
    private WebDriverWait wait;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        profile = Files.createTempDirectory("payung-e2e-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(RequiresChromium.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1280,1024", "--lang=id",
                "--user-data-dir=" + profile.toAbsolutePath());
        // an Indonesian user's browser: pages must speak Bahasa Indonesia to him without ?lang
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "id-ID,id"));
        options.setPageLoadTimeout(Duration.ofSeconds(60));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(RequiresChromium.CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(Duration.ofSeconds(60))
                .build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, E2e.WAIT);
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        if (context.getExecutionException().isEmpty() || driver == null) return;
        try {
            Files.createDirectories(EVIDENCE);
            String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getDisplayName().replaceAll("[^A-Za-z0-9._-]+", "_")
                    + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));
            Path png = EVIDENCE.resolve(name + ".png");
            Files.write(png, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            Files.writeString(EVIDENCE.resolve(name + ".html"), "<!-- " + driver.getCurrentUrl() + " -->\n" + driver.getPageSource(),
                    StandardCharsets.UTF_8);
            System.err.println("[e2e] failed at " + driver.getCurrentUrl() + "; screenshot and page source: " + png.getParent().resolve(name) + ".{png,html}");
        } catch (Exception e) {
            System.err.println("[e2e] could not save the failure evidence: " + e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (driver != null) driver.quit();
        } finally {
            driver = null;
            if (profile != null) {
                try (Stream<Path> files = Files.walk(profile)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a Payung path, e.g. {@code "/tenants"}. */
    Browser open(String path) {
        driver.get(E2e.APP + path);
        return this;
    }

    String url() {
        return driver.getCurrentUrl();
    }

    String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    <T> T until(ExpectedCondition<T> condition) {
        return wait.until(condition);
    }

    WebElement visible(String css) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Present and displayed; a menu that is in the page but hidden does not count as shown. */
    boolean shows(String css) {
        return all(css).stream().anyMatch(WebElement::isDisplayed);
    }

    /** Waits until the browser is on a Payung page (back from Keycloak) whose document has loaded. */
    Browser waitForPayung() {
        wait.until(d -> d.getCurrentUrl().startsWith(E2e.APP + "/") && "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
        return this;
    }

    /** Waits for Keycloak's login form: its username step, or its password step when Keycloak resumes there. */
    Browser waitForKeycloakLogin() {
        wait.until(d -> d.getCurrentUrl().startsWith(E2e.KEYCLOAK + "/realms/payung/")
                && !d.findElements(By.cssSelector("form#kc-form-login input#username, form#kc-form-login input#password")).isEmpty());
        return this;
    }

    /** Is Keycloak asking who you are (the username step of its login form)? */
    boolean keycloakAsksForUsername() {
        return url().startsWith(E2e.KEYCLOAK + "/realms/payung/") && shows("form#kc-form-login input#username");
    }

    /** Types the credentials into Keycloak's login page: username first, then the password (identity-first login). */
    Browser signInOnKeycloak(String username, String password) {
        waitForKeycloakLogin();
        if (shows("form#kc-form-login input#username")) {
            WebElement user = driver.findElement(By.cssSelector("form#kc-form-login input#username"));
            user.clear();
            user.sendKeys(username);
            if (!shows("form#kc-form-login input#password")) driver.findElement(By.id("kc-login")).click();
        }
        WebElement secret = visible("form#kc-form-login input#password");
        secret.clear();
        secret.sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        return this;
    }

    /** Signs a demo user in with the landing page's sign-in link and waits until Payung shows his first page. */
    Browser signIn(String username) {
        open("/");
        visible("a#sign-in").click();
        signInOnKeycloak(username, RealKeycloak.DEMO_PASSWORD);
        return waitForPayung();
    }

    /** Signs a demo user in by opening a protected Payung page, and waits until Payung shows it. */
    Browser signInAt(String path, String username) {
        open(path);
        signInOnKeycloak(username, RealKeycloak.DEMO_PASSWORD);
        return waitForPayung();
    }

    /** The HTTP status Payung answers for a path with this browser's session (fetch from a Payung page). */
    int status(String path) {
        if (!driver.getCurrentUrl().startsWith(E2e.APP + "/")) open("/");
        Object status = ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin', redirect: 'manual'})"
                        + ".then(r => done(r.type === 'opaqueredirect' ? 302 : r.status)).catch(e => done(-1));", path);
        return ((Number) status).intValue();
    }

    String htmlLang() {
        return driver.findElement(By.tagName("html")).getDomAttribute("lang");
    }

    Set<String> attributes(String css, String attribute) {
        return all(css).stream().map(e -> e.getDomAttribute(attribute)).collect(Collectors.toSet());
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }
}

package edu.lanyard.launcher.browser;

import edu.lanyard.devkit.browser.BrowserFixture;
import edu.lanyard.devkit.browser.BrowserPair;
import edu.lanyard.devkit.browser.PageTurn;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sign-in in a real headless Chromium against a whole Lanyard node: the authorize URL, the login page, typing,
 * the redirect to the application's callback (a small server that records the query). Screenshots go to
 * {@code launcher/target/screenshots/}.
 */
class RealBrowserSignInTest {
    private static final String SECRET = "chromium-app-secret-0123456789abcdef";

    private static LanyardTestServer server;
    private static CallbackServer app;
    private static BrowserPair browsers;
    private static BrowserFixture english;
    private static BrowserFixture chinese;

    @BeforeAll
    static void start() throws Exception {
        server = LanyardTestServer.sharedSignIn();
        app = CallbackServer.start();
        browsers = BrowserPair.start();
        english = browsers.english();
        chinese = browsers.chinese();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[]{browsers, app}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @BeforeEach
    void freshBrowsers() {
        browsers.reset();
    }

    private TestClient client() {
        return new TestClient("chromium-app", SECRET, app.url());
    }

    @Test
    void signInWithAWrongThenTheRightPasswordLandsOnTheApplicationWithACode() throws Exception {
        WebDriver driver = english.driver();
        Pkce pkce = Pkce.s256();
        driver.get(AuthorizeUrl.of(server.baseUrl(), client()).with("scope", "openid profile")
                .with("state", "browser-state").with("nonce", "browser-nonce").pkce(pkce).build());
        assertEquals("Sign in", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.className("client-name")).getText().contains("Course Portal"));
        assertTrue(stylesheetApplied(driver), "lanyard.css is served and applied");
        english.screenshot("browser-login-en");

        submit(driver, "alice", "not-her-password");
        WebElement alert = driver.findElement(By.cssSelector("#login-error [role=alert]"));
        assertEquals("That ID or password is not right. Check them and try again.", alert.getText());
        assertEquals("alice", driver.findElement(By.name("username")).getDomProperty("value"));
        english.screenshot("browser-login-en-wrong-password");

        submit(driver, "alice", "alice-pass");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(app.url()));
        Map<String, String> arrived = app.next();
        assertEquals("browser-state", arrived.get("state"));
        assertNotNull(arrived.get("code"));
        assertEquals("Signed in to Course Portal", driver.findElement(By.tagName("h1")).getText());
        english.screenshot("browser-landed");
        assertNoConsoleProblems(english);

        Http.Reply tokens = new TokenCalls(server.baseUrl()).redeem(client(), arrived.get("code"), pkce.verifier());
        assertEquals(200, tokens.status(), tokens.body());
        assertEquals("browser-nonce", TokenCalls.claims(tokens.json().getString("id_token")).getClaim("nonce"));

        driver.get(AuthorizeUrl.of(server.baseUrl(), client()).with("state", "second").build());
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(app.url()));
        assertEquals("second", app.next().get("state"), "the SSO session let the browser straight through");
    }

    @Test
    void theChinesePageRendersAndSignsIn() throws Exception {
        WebDriver driver = chinese.driver();
        driver.get(AuthorizeUrl.of(server.baseUrl(), client()).with("state", "zh").build());
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("登录", driver.findElement(By.tagName("h1")).getText());
        assertEquals("学号/工号或邮箱", driver.findElement(By.cssSelector("label[for=username]")).getText());
        assertTrue(stylesheetApplied(driver));
        chinese.screenshot("browser-login-zh");

        submit(driver, "bob", "wrong");
        assertEquals("账号或密码不正确，请检查后重试。",
                driver.findElement(By.cssSelector("#login-error [role=alert]")).getText());
        chinese.screenshot("browser-login-zh-wrong-password");

        submit(driver, "bob", "bob-pass");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(app.url()));
        assertEquals("zh", app.next().get("state"));
        assertNoConsoleProblems(chinese);
    }

    @Test
    void formPostResponseModePostsTheCodeToTheApplicationByItself() throws Exception {
        WebDriver driver = english.driver();
        driver.get(AuthorizeUrl.of(server.baseUrl(), client()).with("response_mode", "form_post")
                .with("state", "posted").build());
        submit(driver, "carol", "carol-pass");
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.urlContains(app.url()));
        Map<String, String> arrived = app.next();
        assertEquals("posted", arrived.get("state"));
        assertNotNull(arrived.get("code"));
        assertEquals("Signed in to Course Portal", driver.findElement(By.tagName("h1")).getText());
        assertNoConsoleProblems(english);
    }

    @Test
    void anUnregisteredRedirectUriStaysOnLanyardsErrorPage() throws Exception {
        WebDriver driver = english.driver();
        String elsewhere = app.url().replace("/callback", "/elsewhere");
        driver.get(AuthorizeUrl.of(server.baseUrl(), client()).with("redirect_uri", elsewhere).build());
        assertTrue(driver.getCurrentUrl().startsWith(server.baseUrl()), driver.getCurrentUrl());
        assertFalse(driver.findElement(By.tagName("h1")).getText().isBlank());
        english.screenshot("browser-bad-redirect-uri");
    }

    private static void submit(WebDriver driver, String username, String password) {
        WebElement form = driver.findElement(By.tagName("form"));
        WebElement user = driver.findElement(By.name("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        PageTurn.awaitLeft(driver, form);
    }

    private static boolean stylesheetApplied(WebDriver driver) {
        Object rules = ((JavascriptExecutor) driver).executeScript(
                "return document.styleSheets.length > 0 ? document.styleSheets[0].cssRules.length : 0");
        return ((Number) rules).intValue() > 0;
    }

    /** Nothing blocked by the CSP, and no failed request on Lanyard's side but the wrong password's own 400. */
    private static void assertNoConsoleProblems(BrowserFixture browser) {
        List<String> console = browser.takeConsole();
        assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")), console.toString());
        assertTrue(console.stream()
                .filter(line -> line.contains(server.baseUrl()))
                .allMatch(line -> line.contains("/oauth2/login") && line.contains("status of 400")),
                console.toString());
    }
}

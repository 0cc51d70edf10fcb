package edu.lanyard.authorize.page;

import edu.lanyard.devkit.browser.BrowserFixture;
import edu.lanyard.devkit.browser.BrowserPair;
import edu.lanyard.devkit.browser.PageTurn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The pages in a real Chromium: both languages, the error round trip, and no CSP violation anywhere. */
class LoginPageBrowserTest {

    private static PagesDemoServer server;
    private static BrowserPair browsers;
    private static BrowserFixture english;
    private static BrowserFixture chinese;

    @BeforeAll
    static void start() throws Exception {
        server = PagesDemoServer.start();
        browsers = BrowserPair.start();
        english = browsers.english();
        chinese = browsers.chinese();
    }

    @AfterAll
    static void stop() throws Exception {
        for (AutoCloseable closeable : new AutoCloseable[] {browsers, server}) {
            if (closeable != null) {
                closeable.close();
            }
        }
    }

    @BeforeEach
    void freshState() {
        browsers.reset();
    }

    @Test
    void englishLoginShowsErrorAfterWrongPassword() throws Exception {
        WebDriver driver = english.driver();
        driver.get(server.url("/login"));
        assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("Sign in", driver.findElement(By.tagName("h1")).getText());
        assertTrue(driver.findElement(By.className("client-name")).getText().contains("Course Portal"));
        assertEquals("username", driver.switchTo().activeElement().getDomAttribute("name"), "username is autofocused");
        english.screenshot("login-en");

        submitCredentials(driver, "alice", "not-her-password");

        WebElement alert = driver.findElement(By.cssSelector("#login-error [role=alert]"));
        assertEquals("That ID or password is not right. Check them and try again.", alert.getText());
        assertEquals("assertive", driver.findElement(By.id("login-error")).getDomAttribute("aria-live"));
        assertEquals("alice", driver.findElement(By.name("username")).getDomProperty("value"));
        assertEquals("", driver.findElement(By.name("password")).getDomProperty("value"));
        assertEquals("true", driver.findElement(By.name("password")).getDomAttribute("aria-invalid"));
        assertEquals("password", driver.switchTo().activeElement().getDomAttribute("name"), "password is autofocused");
        english.screenshot("login-en-error");
        assertNoConsoleProblems(english);
    }

    @Test
    void chineseLoginFollowsAcceptLanguage() throws Exception {
        WebDriver driver = chinese.driver();
        driver.get(server.url("/login"));
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("登录", driver.findElement(By.tagName("h1")).getText());
        assertEquals("学号/工号或邮箱", driver.findElement(By.cssSelector("label[for=username]")).getText());
        chinese.screenshot("login-zh");

        submitCredentials(driver, "2023012345", "wrong");

        assertEquals("账号或密码不正确，请检查后重试。",
                driver.findElement(By.cssSelector("#login-error [role=alert]")).getText());
        chinese.screenshot("login-zh-error");
        assertNoConsoleProblems(chinese);
    }

    @Test
    void languageSwitchLinkWinsAndIsRemembered() {
        WebDriver driver = chinese.driver();
        driver.get(server.url("/login"));
        driver.findElement(By.cssSelector(".lang-switch a[lang=en]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertTrue(driver.getCurrentUrl().contains("rid=" + PagesDemoServer.RID), "the switch keeps the request");
        assertEquals("true",
                driver.findElement(By.cssSelector(".lang-switch a[lang=en]")).getDomAttribute("aria-current"));

        driver.get(server.url("/login"));
        assertEquals("en", driver.findElement(By.tagName("html")).getDomAttribute("lang"), "cookie remembers it");
        assertNoConsoleProblems(chinese);
    }

    @Test
    void consentErrorAndLogoutPagesRenderCleanly() throws Exception {
        WebDriver driver = english.driver();
        driver.get(server.url("/consent"));
        List<WebElement> scopes = driver.findElements(By.cssSelector(".scopes .scope"));
        assertEquals(5, scopes.size());
        assertTrue(scopes.get(4).getText().contains("course:read"), "unknown scopes show their raw name");
        assertEquals("approve", driver.findElement(By.cssSelector("button[name=decision].button-primary"))
                .getDomAttribute("value"));
        english.screenshotFullPage("consent");

        chinese.driver().get(server.url("/consent"));
        assertEquals("允许", chinese.driver().findElement(By.cssSelector("button[value=approve]")).getText());
        chinese.screenshotFullPage("consent-zh");
        assertNoConsoleProblems(chinese);

        driver.get(server.url("/error"));
        assertEquals("This sign-in link is not valid", driver.findElement(By.tagName("h1")).getText());
        english.screenshot("error");
        List<String> console = english.takeConsole();
        assertTrue(console.stream().allMatch(line -> line.contains("status of 400")), "only the 400 itself: " + console);

        driver.get(server.url("/logout"));
        english.screenshot("logout-confirm");
        WebElement form = driver.findElement(By.tagName("form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        PageTurn.awaitLeft(driver, form);
        assertEquals("You are signed out", driver.findElement(By.tagName("h1")).getText());
        english.screenshot("logout-done");
        assertNoConsoleProblems(english);
    }

    @Test
    void phoneAndDarkModeLayouts() throws Exception {
        chinese.emulatePhone(390, 844);
        chinese.driver().get(server.url("/login"));
        chinese.screenshot("login-zh-phone");

        english.emulateMedia("prefers-color-scheme", "dark");
        english.driver().get(server.url("/login"));
        english.screenshot("login-en-dark");
        english.driver().get(server.url("/consent"));
        english.screenshotFullPage("consent-dark");
        assertNoConsoleProblems(english);
        assertNoConsoleProblems(chinese);
    }

    @Test
    void keyboardFocusIsVisible() throws Exception {
        WebDriver driver = english.driver();
        driver.get(server.url("/login"));
        WebElement body = driver.findElement(By.tagName("body"));
        driver.findElement(By.name("password")).sendKeys(org.openqa.selenium.Keys.TAB);
        WebElement focused = driver.switchTo().activeElement();
        assertEquals("submit", focused.getDomAttribute("type"));
        assertTrue(focused.getCssValue("outline-style").equals("solid"), "focus ring on the button");
        english.screenshot("login-en-focus");
    }

    /**
     * Chromium enforces {@code form-action} on the redirects that follow a form POST, so a login form whose POST
     * 303s to the client must list the client's origin via {@link SecurityHeaders#allowFormRedirectTo}.
     */
    @Test
    void formActionGovernsRedirectAfterPost() {
        String otherOrigin = "http://localhost:" + server.port() + "/landed";
        WebDriver driver = english.driver();

        driver.get(server.url("/redirecting-form?target=" + otherOrigin));
        driver.findElement(By.name("username")).sendKeys("alice");
        driver.findElement(By.name("password")).sendKeys("pw");
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        List<String> console = new java.util.ArrayList<>();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> {
            console.addAll(english.takeConsole());
            return console.stream().anyMatch(line -> line.contains("form-action"));
        });
        assertFalse(driver.getCurrentUrl().startsWith("http://localhost:"), "the browser did not go there");

        driver.get(server.url("/redirecting-form?allow=true&target=" + otherOrigin));
        submitCredentials(driver, "alice", "pw");
        assertEquals(otherOrigin, driver.getCurrentUrl());
        List<String> after = english.takeConsole();
        assertTrue(after.stream().noneMatch(line -> line.contains("Content Security Policy")), after.toString());
    }

    private static void submitCredentials(WebDriver driver, String username, String password) {
        WebElement form = driver.findElement(By.tagName("form"));
        WebElement user = driver.findElement(By.name("username"));
        user.clear();
        user.sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        PageTurn.awaitLeft(driver, form);
    }

    private static void assertNoConsoleProblems(BrowserFixture browser) {
        List<String> console = browser.takeConsole();
        assertFalse(console.stream().anyMatch(line -> line.contains("Content Security Policy")),
                "CSP violations: " + console);
        assertTrue(console.isEmpty(), "console should be silent: " + console);
    }
}

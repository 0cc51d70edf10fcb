package edu.lanyard.launcher.browser;

import edu.lanyard.devkit.browser.BrowserFixture;
import edu.lanyard.devkit.browser.BrowserPair;
import edu.lanyard.devkit.browser.PageTurn;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

import static edu.lanyard.launcher.browser.Journeys.redeem;
import static edu.lanyard.launcher.browser.Journeys.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The operator console in a real headless Chromium against a whole node: an operator signs in through Lanyard's own
 * login page (lanyard-console, PKCE), watches the live dashboard move while token requests run, unlocks a locked-out
 * user, ends a session, and finds both in the audit log (named as the actor); a user without the operator role is
 * refused, on the page and by the API. Screenshots of every page in English and Chinese go to
 * {@code launcher/target/screenshots/console-*.png}.
 */
class ConsoleTest {
    private static final String ADMIN_TOKEN = "console-test-admin-token-0123456789abcdefghij";
    private static final TestClient WEBAPP = TestClient.WEBAPP;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static LanyardTestServer server;
    private static String issuer;
    private static BrowserPair browsers;

    @BeforeAll
    static void start() throws Exception {
        server = LanyardTestServer.builder()
                .env(Map.of("LANYARD_ADMIN_TOKEN_HASH", AdminCredentials.sha256Hex(ADMIN_TOKEN),
                        "LANYARD_LOGIN_MAX_FAILURES_PER_USER", "3",
                        "LANYARD_LOGIN_MAX_FAILURES_PER_IP", "1000",
                        "LANYARD_LOGIN_LOCKOUT_SECONDS", "600"))
                .importing("/console-clients.yaml").start();
        issuer = server.baseUrl();
        browsers = BrowserPair.start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browsers != null) {
            browsers.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @BeforeEach
    void freshBrowsers() {
        browsers.reset();
    }

    @Test
    void anOperatorWatchesTheDashboardUnlocksAUserEndsASessionAndFindsBothInTheAuditLog() throws Exception {
        BrowserFixture english = browsers.english();
        WebDriver driver = english.driver();
        signInToConsole(driver, "olga", "olga-pass");
        assertEquals("Live dashboard", heading(driver));
        assertTrue(driver.findElement(By.id("who")).getText().contains("olga"));

        // Token requests while the dashboard is open: a sample with tokens per second above 0 arrives over SSE.
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                passwordGrant("sam", "sam-pass");
            }
        }, "console-test-load");
        load.start();
        try {
            new WebDriverWait(driver, WAIT).until(d -> Double.parseDouble(
                    d.findElement(By.id("live-updated")).getDomAttribute("data-tokens")) > 0);
        } finally {
            running.set(false);
            load.join();
        }
        assertTrue(driver.findElement(By.id("chart-tokens")).getText().contains("password"),
                "the tokens chart's legend names the grant");
        english.screenshot("console-dashboard-en");

        // A user locked out by wrong passwords is let in by the operator's unlock.
        for (int i = 0; i < 3; i++) {
            passwordGrant("lucy", "wrong-password");
        }
        assertEquals(400, passwordGrant("lucy", "lucy-pass").status(), "lucy is locked out");
        openUser(driver, "lucy");
        assertTrue(driver.findElement(By.id("user-state")).getText().contains("locked"));
        english.screenshot("console-user-en");
        driver.findElement(By.id("unlock")).click();
        waitForText(driver, By.id("user-status"), "lucy is unlocked.");
        assertEquals(200, passwordGrant("lucy", "lucy-pass").status(), "the unlock let lucy in");

        // A session of sam's, from a sign-in at an application, is ended from the user's page.
        BrowserAgent agent = new BrowserAgent();
        signIn(agent, AuthorizeUrl.of(issuer, WEBAPP).with("scope", "openid"), "sam", "sam-pass");
        awaitAdmin("/admin/users/sam/sessions?by=username", body -> !body.getJsonArray("sessions").isEmpty());
        openUser(driver, "sam");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".end-session")))
                .click();
        waitForText(driver, By.id("user-status"), "Session ended.");
        JsonObject sessions = admin("GET", "/admin/users/sam/sessions?by=username").json();
        assertTrue(sessions.getJsonArray("sessions").isEmpty(), sessions.encode());

        // Both actions are audit lines naming olga as the actor.
        JsonArray unlocked = awaitAudit("username=lucy&action=account_unlocked");
        assertEquals("olga", unlocked.getJsonObject(0).getJsonObject("detail").getString("actor"));
        JsonArray ended = awaitAudit("action=logout&subject=" + subjectOf("sam"));
        assertTrue(ended.stream().map(JsonObject.class::cast)
                .anyMatch(line -> "olga".equals(line.getJsonObject("detail").getString("actor"))), ended.encode());

        driver.get(issuer + "/console/#/audit");
        waitForHeading(driver, "Audit log");
        driver.findElement(By.id("audit-username")).sendKeys("lucy");
        new Select(driver.findElement(By.id("audit-action"))).selectByValue("account_unlocked");
        driver.findElement(By.cssSelector("#main form button[type=submit]")).click();
        waitForText(driver, By.id("audit-results"), "\"actor\":\"olga\"");
        english.screenshot("console-audit-en");

        Http.Reply csv = admin("GET", "/admin/audit?format=csv&action=account_unlocked&username=lucy");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.header("Content-Type").startsWith("text/csv"), csv.header("Content-Type"));
        assertTrue(csv.body().startsWith("at,event_id,event_type,action,result,subject,username,client_id,ip,"
                + "grant_id,actor,detail\r\n"), csv.body());
        assertTrue(csv.body().contains(",account_unlocked,success,"), csv.body());
        assertTrue(csv.body().contains(",olga,"), csv.body());

        pageScreenshots(english, "en", "Users", "Clients", "Statistics");
        assertNoPolicyViolations(english);
    }

    @Test
    void theConsoleSpeaksChineseAndFitsAPhone() throws Exception {
        BrowserFixture chinese = browsers.chinese();
        WebDriver driver = chinese.driver();
        signInToConsole(driver, "olga", "olga-pass");
        assertEquals("zh-CN", driver.findElement(By.tagName("html")).getDomAttribute("lang"));
        assertEquals("实时监控", heading(driver));
        chinese.screenshot("console-dashboard-zh");
        openUser(driver, "lucy");
        chinese.screenshot("console-user-zh");
        driver.get(issuer + "/console/#/audit");
        waitForHeading(driver, "审计日志");
        waitForText(driver, By.id("audit-results"), "显示");
        chinese.screenshot("console-audit-zh");
        pageScreenshots(chinese, "zh", "用户", "应用", "统计");

        chinese.emulatePhone(390, 844);
        driver.get(issuer + "/console/#/users/lucy");
        waitForText(driver, By.id("user-results"), "lucy");
        Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.documentElement.scrollWidth");
        assertTrue(scrollWidth.intValue() <= 390, "no sideways scrolling at 390 px: " + scrollWidth);
        chinese.screenshot("console-users-zh-390px");
        chinese.resetEmulation();

        driver.get(issuer + "/console/#/client/webapp");
        waitForHeading(driver, "应用 webapp");
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.id("save-client")).isEmpty());
        chinese.screenshot("console-client-zh");
        driver.findElement(By.id("lang-switch")).click();
        waitForHeading(driver, "Client webapp");
        driver.findElement(By.id("lang-switch")).click();
        waitForHeading(driver, "应用 webapp");
        assertNoPolicyViolations(chinese);

        browsers.reset();
        signInToConsole(driver, "nick", "nick-pass");
        waitForHeading(driver, "没有管理权限");
        chinese.screenshot("console-forbidden-zh");
    }

    @Test
    void signingOutEndsTheSsoSessionAndComesBackToTheConsolesLoginPage() throws Exception {
        BrowserFixture english = browsers.english();
        WebDriver driver = english.driver();
        signInToConsole(driver, "olga", "olga-pass");
        waitForHeading(driver, "Live dashboard");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("sign-out"))).click();
        // /oauth2/logout (the id_token_hint is the confirmation) -> /console/ (registered) -> the login page.
        // A confirmation page (hint refused) or a "signed out" page (return refused) has no user name field.
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        // With the SSO session alive the console would sign in without a page: the login page says it ended.
        driver.get(issuer + "/console/");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        assertTrue(driver.findElements(By.id("nav")).isEmpty() || !driver.findElement(By.id("nav")).isDisplayed());
        english.screenshot("console-signed-out-en");
    }

    @Test
    void aUserWithoutTheOperatorRoleIsRefusedOnThePageAndByTheApi() throws Exception {
        BrowserFixture english = browsers.english();
        WebDriver driver = english.driver();
        signInToConsole(driver, "nick", "nick-pass");
        waitForHeading(driver, "Not an operator");
        assertTrue(driver.findElement(By.id("forbidden")).getText().contains("nick"));
        assertFalse(driver.findElement(By.id("nav")).isDisplayed(), "no sections for a non-operator");
        english.screenshot("console-forbidden-en");

        String nickToken = consoleToken("nick", "nick-pass");
        assertEquals(403, bearer("GET", "/console/api/me", nickToken, false).status());
        assertEquals(403, bearer("GET", "/admin/users?q=lucy", nickToken, false).status());
        assertEquals(403, bearer("POST", "/admin/users/lucy/unlock", nickToken, true).status());

        String olgaToken = consoleToken("olga", "olga-pass");
        assertEquals(200, bearer("GET", "/admin/users?q=lucy", olgaToken, false).status());
        Http.Reply noCsrf = bearer("POST", "/admin/users/lucy/unlock", olgaToken, false);
        assertEquals(403, noCsrf.status(), "a write without the CSRF header is refused: " + noCsrf.body());
        assertEquals("csrf", noCsrf.json().getString("error"));
        assertEquals(200, bearer("POST", "/admin/users/lucy/unlock", olgaToken, true).status());
        assertEquals(401, bearer("GET", "/console/api/me", "not-a-token", false).status());
        Http.Reply webappToken = passwordGrant("sam", "sam-pass");
        assertEquals(401, bearer("GET", "/console/api/me", webappToken.json().getString("access_token"), false)
                .status(), "another client's token is no console token");
    }

    @Test
    void anOperatorCreatesAClientSeesItsSecretOnceAndRotatesIt() throws Exception {
        BrowserFixture english = browsers.english();
        WebDriver driver = english.driver();
        signInToConsole(driver, "olga", "olga-pass");
        driver.get(issuer + "/console/#/client");
        waitForHeading(driver, "New client");
        driver.findElement(By.id("client-client_id")).sendKeys("reports");
        driver.findElement(By.id("client-name")).sendKeys("Reports");
        driver.findElement(By.id("client-redirect_uris")).sendKeys("http://127.0.0.1:9109/cb");
        driver.findElement(By.id("grant-client_credentials")).click();
        driver.findElement(By.id("client-options")).clear();
        driver.findElement(By.id("client-options")).sendKeys("{\"noSuchOption\": true}");
        driver.findElement(By.id("save-client")).click();
        waitForText(driver, By.id("client-status"), "noSuchOption");
        english.screenshot("console-client-refused-en");

        driver.findElement(By.id("client-options")).clear();
        driver.findElement(By.id("client-options")).sendKeys("{}");
        driver.findElement(By.id("save-client")).click();
        String secret = new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(
                By.id("client-secret"))).getText();
        english.screenshot("console-client-secret-en");
        assertEquals(200, awaitClientCredentials("reports", secret, 200), "every node learns the new client");
        JsonObject shown = admin("GET", "/admin/clients/reports").json();
        assertFalse(shown.encode().contains(secret), "the secret is never answered again");
        assertFalse(shown.containsKey("secret_hash"));

        driver.get(issuer + "/console/#/client/reports");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(By.id("rotate-secret"))).click();
        new WebDriverWait(driver, WAIT).until(d -> {
            String now = d.findElement(By.id("client-status")).getText();
            return now.contains("shown once") && !d.findElement(By.id("client-secret")).getText().equals(secret);
        });
        String rotated = driver.findElement(By.id("client-secret")).getText();
        assertEquals(401, awaitClientCredentials("reports", secret, 401), "the old secret stopped working");
        assertEquals(200, clientCredentials("reports", rotated).status());
        JsonArray changes = awaitAudit("client_id=reports&action=client_secret_rotated");
        assertEquals("olga", changes.getJsonObject(0).getJsonObject("detail").getString("actor"));
        awaitAudit("client_id=reports&action=client_created");

        // Disable asks first (the first click arms the button), then every node refuses the client; enable again.
        driver.get(issuer + "/console/#/clients/reports");
        By disable = By.cssSelector("button.switch-client[data-client=reports]");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(disable)).click();
        waitForText(driver, disable, "Really disable reports?");
        assertEquals(200, clientCredentials("reports", rotated).status(), "one click changes nothing");
        english.screenshot("console-client-disable-confirm-en");
        driver.findElement(disable).click();
        waitForText(driver, By.id("client-status"), "reports is disabled");
        waitForText(driver, By.id("client-results"), "disabled");
        assertEquals(401, awaitClientCredentials("reports", rotated, 401), "a disabled client is invalid_client");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(disable, "Enable"));
        driver.findElement(disable).click();
        waitForText(driver, disable, "Really enable reports?");
        driver.findElement(disable).click();
        waitForText(driver, By.id("client-status"), "reports is enabled again");
        assertEquals(200, awaitClientCredentials("reports", rotated, 200), "enabled, the same secret works");
        assertEquals("olga", awaitAudit("client_id=reports&action=client_disabled").getJsonObject(0)
                .getJsonObject("detail").getString("actor"));
    }

    // ---------- helpers ----------

    /** The status once it is {@code wanted}, or the last one after a few seconds: the caches reload on NOTIFY. */
    private static int awaitClientCredentials(String clientId, String secret, int wanted) throws InterruptedException {
        int status = 0;
        for (int i = 0; i < 50 && status != wanted; i++) {
            status = clientCredentials(clientId, secret).status();
            if (status != wanted) {
                Thread.sleep(100);
            }
        }
        return status;
    }

    private static Http.Reply clientCredentials(String clientId, String secret) {
        return Http.postForm(issuer + "/oauth2/token", Http.basic(clientId, secret),
                Http.form(Http.fields("grant_type", "client_credentials")));
    }


    private static void signInToConsole(WebDriver driver, String username, String password) {
        driver.get(issuer + "/console/");
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.presenceOfElementLocated(By.name("username")));
        WebElement form = driver.findElement(By.tagName("form"));
        driver.findElement(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        PageTurn.awaitLeft(driver, form);
        new WebDriverWait(driver, WAIT).until(d -> d.getCurrentUrl().startsWith(issuer + "/console/")
                && !d.getCurrentUrl().contains("code=") && !d.findElements(By.tagName("h1")).isEmpty());
    }

    private static void openUser(WebDriver driver, String username) {
        driver.get(issuer + "/console/#/users/" + username);
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.elementToBeClickable(
                By.linkText(username))).click();
        new WebDriverWait(driver, WAIT).until(d -> !d.findElements(By.id("user-state")).isEmpty());
    }

    private static void pageScreenshots(BrowserFixture browser, String language, String... headings)
            throws Exception {
        String[] pages = {"users", "clients", "stats"};
        for (int i = 0; i < pages.length; i++) {
            browser.driver().get(issuer + "/console/#/" + pages[i]);
            waitForHeading(browser.driver(), headings[i]);
            if (!pages[i].equals("users")) {
                new WebDriverWait(browser.driver(), WAIT).until(d -> d.findElements(By.tagName("table")).size() > 0
                        || d.findElements(By.cssSelector(".muted")).size() > 0);
            }
            browser.screenshot("console-" + pages[i] + "-" + language);
        }
    }

    private static String heading(WebDriver driver) {
        return new WebDriverWait(driver, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")))
                .getText();
    }

    private static void waitForHeading(WebDriver driver, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBe(By.tagName("h1"), text));
    }

    private static void waitForText(WebDriver driver, By where, String text) {
        new WebDriverWait(driver, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(where, text));
    }

    private static void assertNoPolicyViolations(BrowserFixture browser) {
        List<String> console = browser.takeConsole();
        assertTrue(console.stream().noneMatch(line -> line.contains("Content Security Policy")), console.toString());
    }

    /** A console access token, as the page gets one: authorization code with PKCE, as lanyard-console. */
    private static String consoleToken(String username, String password) {
        TestClient console = new TestClient("lanyard-console", null, issuer + "/console/callback");
        Pkce pkce = Pkce.s256();
        Callback callback = signIn(new BrowserAgent(), AuthorizeUrl.of(issuer, console)
                .with("scope", "openid roles").pkce(pkce), username, password);
        return redeem(new TokenCalls(issuer), console, callback, pkce).getString("access_token");
    }

    private static Http.Reply bearer(String method, String path, String token, boolean csrfHeader) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (csrfHeader) {
            request.header("X-Lanyard-Console", "1");
        }
        return Http.send(request.build());
    }

    private static Http.Reply passwordGrant(String username, String password) {
        return Http.postForm(issuer + "/oauth2/token", Http.basic(WEBAPP.id(), WEBAPP.secret()),
                Http.form(Http.fields("grant_type", "password", "username", username, "password", password,
                        "scope", "openid")));
    }

    private static Http.Reply admin(String method, String path) {
        return bearer(method, path, ADMIN_TOKEN, false);
    }

    private static String subjectOf(String username) {
        return admin("GET", "/admin/users/" + username + "?by=username").json().getString("subject");
    }

    private static JsonObject awaitAdmin(String path, Predicate<JsonObject> ready) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos() * 2;
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            Http.Reply reply = admin("GET", path);
            if (reply.status() == 200) {
                last = reply.json();
                if (ready.test(last)) {
                    return last;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("never ready: " + path + " " + last);
    }

    private static JsonArray awaitAudit(String query) throws InterruptedException {
        return awaitAdmin("/admin/audit?" + query, body -> !body.getJsonArray("entries").isEmpty())
                .getJsonArray("entries");
    }
}

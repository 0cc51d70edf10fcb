package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static edu.lanyard.launcher.dialect.Wire.FORM;
import static edu.lanyard.launcher.dialect.Wire.UUID4;
import static edu.lanyard.launcher.dialect.Wire.json;
import static edu.lanyard.launcher.dialect.Wire.matches;
import static edu.lanyard.launcher.dialect.Wire.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/dialects.md C.2: approval_prompt, the consent form's approval path, service echoed with the code, the
 * {@code /{client_id}} shortcut and comma-listed redirect URIs; and A.3's introspect scope on Ketanyun's mount.
 */
class MaxKeyAuthorizeTest {
    private static final String CLIENT = MaxKeyDialectTest.CLIENT;
    private static final String CALLBACK = MaxKeyDialectTest.CALLBACK;
    private static final Pattern HIDDEN = Pattern.compile("name=\"(csrf|rid)\" value=\"([^\"]*)\"");
    private final String base = LanyardTestServer.sharedDialects().baseUrl();
    private final String authz = base + "/sign/authz/oauth/v20";

    private static Map<String, String> hidden(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher m = HIDDEN.matcher(html);
        while (m.find()) {
            fields.put(m.group(1), m.group(2).replace("&amp;", "&"));
        }
        assertEquals(2, fields.size(), "expected a sign-in or consent form");
        return fields;
    }

    /** Signs in on the login page the URL leads to and answers the consent page that follows. */
    private Browser.Outcome consentPage(Browser browser, String url) {
        Browser.Outcome login = browser.open(url);
        assertEquals(200, login.status(), login.body());
        Browser.Outcome consent = browser.logIn(login, "admin", "admin-pass");
        assertEquals(200, consent.status(), "approval_prompt=force asks for consent: " + consent.location());
        return consent;
    }

    private Browser.Outcome approval(Browser browser, Browser.Outcome consent, String approved) {
        Map<String, String> form = hidden(consent.body());
        form.put("user_oauth_approval", approved);
        Http.Reply reply = browser.postForm(authz + "/authorize/approval", Http.form(form));
        return new Browser.Outcome(reply.status(), reply.header("Location"), reply.body());
    }

    @Test
    void forceAsksForApprovalPostedToMaxKeysApprovalPathAndAutoDoesNot() {
        Browser browser = new Browser(base);
        String forced = authz + "/authorize?" + query("client_id", CLIENT, "response_type", "code", "redirect_uri",
                CALLBACK, "state", "s1", "approval_prompt", "force");
        Browser.Outcome approved = approval(browser, consentPage(browser, forced), "true");
        assertTrue(approved.location().startsWith(CALLBACK + "?code="), approved.location());
        matches(UUID4, approved.code());
        assertEquals("s1", Wire.query(approved.location()).get("state"));

        Browser.Outcome auto = browser.open(authz + "/authorize?" + query("client_id", CLIENT, "response_type",
                "code", "redirect_uri", CALLBACK, "approval_prompt", "auto"));
        assertEquals(302, auto.status(), "auto: no approval page for a client that needs none");
        matches(UUID4, auto.code());

        Browser.Outcome forcedAgain = browser.open(forced);
        assertEquals(200, forcedAgain.status(), "force asks again even in a live session");
        Browser.Outcome denied = approval(browser, forcedAgain, "false");
        Map<String, String> error = Wire.query(denied.location());
        assertTrue(denied.location().startsWith(CALLBACK + "?"), denied.location());
        assertEquals("access_denied", error.get("error"));
        assertEquals("s1", error.get("state"));
    }

    @Test
    void serviceIsEchoedWithTheCodeAfterState() {
        Browser browser = new Browser(base);
        String service = "http://cas.app.edu/login?x=1&y=2";
        String location = browser.authorize(authz + "/authorize?" + query("client_id", CLIENT, "response_type",
                "code", "redirect_uri", CALLBACK, "state", "st", "service", service), "admin", "admin-pass");
        assertTrue(location.matches(Pattern.quote(CALLBACK) + "\\?code=[^&]+&state=st&service=[^&]+"), location);
        assertEquals(service, Wire.query(location).get("service"));
        String without = browser.authorize(authz + "/authorize?" + query("client_id", CLIENT, "response_type",
                "code", "redirect_uri", CALLBACK), "admin", "admin-pass");
        assertFalse(without.contains("service="), without);
        String implicit = browser.authorize(authz + "/authorize?" + query("client_id", CLIENT, "response_type",
                "token", "redirect_uri", CALLBACK, "service", service), "admin", "admin-pass");
        assertFalse(implicit.contains("service="), "only the code redirect carried it: " + implicit);
        Browser.Outcome tooLong = browser.open(authz + "/authorize?" + query("client_id", CLIENT, "response_type",
                "code", "redirect_uri", CALLBACK, "service", "x".repeat(3000)));
        assertEquals("invalid_request", Wire.query(tooLong.location()).get("error"));
    }

    @Test
    void clientShortcutStartsACodeFlowAtTheFirstListedRedirectUri() {
        Browser browser = new Browser(base);
        Browser.Outcome shortcut = browser.open(authz + "/maxkey-listed");
        assertEquals(302, shortcut.status());
        assertEquals("/sign/authz/oauth/v20/authorize?client_id=maxkey-listed&response_type=code"
                + "&redirect_uri=http%3A%2F%2Ffirst.maxkey.org%2Fcb&approval_prompt=auto", shortcut.location());
        String code = browser.authorize(base + shortcut.location(), "admin", "admin-pass");
        assertTrue(code.startsWith("http://first.maxkey.org/cb?code="), code);
        String second = browser.authorize(authz + "/authorize?" + query("client_id", "maxkey-listed",
                "response_type", "code", "redirect_uri", "http://second.maxkey.org/cb"), "admin", "admin-pass");
        assertTrue(second.startsWith("http://second.maxkey.org/cb?code="), "each listed URI is registered: " + second);

        Http.Reply unknown = browser.get(authz + "/no-such-client");
        assertEquals(400, unknown.status());
        assertTrue(unknown.header("Content-Type").startsWith("text/html"), unknown.header("Content-Type"));
        JsonObject token = json(Wire.get(authz + "/token?grant_type=client_credentials"), 200);
        assertEquals("invalid_client", token.getString("error"), "the token endpoint is still the token endpoint");
        assertEquals("token Format Invalid", json(Wire.get(authz.replace("/authz/oauth/v20", "/api/oauth/v20")
                + "/me"), 200).getString("error"));
    }

    @Test
    void ketanyunIntrospectionAsksForTheIntrospectScopeUnlessSwitchedOff() {
        String sso = base + "/sso";
        String legacyToken = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials",
                "client_id", "ketanyun-legacy-scope", "client_secret", "ketanyun-legacy-0123456789"), FORM, "")
                .json().getString("access_token");
        Http.Reply refused = Wire.post(sso + "/oauth2/introspect?token=" + legacyToken, null, "", "Authorization",
                Wire.basic("ketanyun-legacy-scope", "ketanyun-legacy-0123456789"));
        assertEquals(400, refused.status());
        assertEquals("unauthorized_client", refused.json().getString("error"));
        assertFalse(refused.body().contains(legacyToken), "never echo the token");

        String open = Wire.post(sso + "/oauth2/token?" + query("grant_type", "client_credentials", "client_id",
                "ketanyun-open-introspect", "client_secret", "ketanyun-open-0123456789"), FORM, "").json()
                .getString("access_token");
        JsonObject own = json(Wire.post(sso + "/oauth2/introspect?token=" + open, null, "", "Authorization",
                Wire.basic("ketanyun-open-introspect", "ketanyun-open-0123456789")), 200);
        assertTrue(own.getBoolean("active"), "introspectScope: false lets it introspect without the scope");
        assertTrue(json(Wire.post(sso + "/oauth2/introspect?token=" + open, null, ""), 200).getBoolean("active"),
                "credential-less introspection is the other switch and stays allowed");
    }

}

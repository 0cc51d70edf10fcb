package edu.lanyard.launcher.cas;

import edu.lanyard.launcher.Browser;
import edu.lanyard.launcher.Http;
import edu.lanyard.launcher.LanyardTestServer;
import edu.lanyard.launcher.Pac4jApp;
import edu.lanyard.launcher.RawHttp;
import org.apereo.cas.client.proxy.ProxyGrantingTicketStorageImpl;
import org.apereo.cas.client.validation.Assertion;
import org.apereo.cas.client.validation.Cas20ProxyTicketValidator;
import org.apereo.cas.client.validation.Cas20ServiceTicketValidator;
import org.apereo.cas.client.validation.Cas30ServiceTicketValidator;
import org.apereo.cas.client.validation.Saml11TicketValidator;
import org.apereo.cas.client.validation.TicketValidationException;
import io.vertx.core.json.JsonObject;
import org.pac4j.cas.client.CasClient;
import org.pac4j.cas.config.CasConfiguration;
import org.pac4j.cas.config.CasProtocol;
import org.pac4j.core.context.CallContext;
import org.pac4j.core.context.session.SessionStore;
import org.pac4j.core.credentials.Credentials;
import org.pac4j.core.exception.http.FoundAction;
import org.pac4j.core.exception.http.RedirectionAction;
import org.pac4j.core.profile.UserProfile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CAS protocol (CAS Protocol 3.0) under {@code /cas}, with the Apereo Java CAS client as the applications:
 * service tickets from the shared login page and SSO session, 2.0/3.0/SAML 1.1 validation, proxy tickets, single
 * logout, and the wire shapes and error codes checked raw.
 */
class CasProtocolTest {
    private static final Pattern ST = Pattern.compile("ST-[A-Za-z0-9_-]{32,}");
    private static final String USER = "casuser";
    private static final String PASSWORD = "casuser-pass";
    private static CasTestApps apps;
    private static LanyardTestServer server;
    private static String base;
    private static String cas;
    private static String app;
    private static String PAC4J_CALLBACK;

    @BeforeAll
    static void start() throws Exception {
        apps = CasTestApps.start();
        app = apps.appBase() + "/app/";
        PAC4J_CALLBACK = app + "pac4j";
        String pgtPattern = "^" + Pattern.quote(apps.proxyBase()) + "/pgt.*$";
        String yaml = """
                clients:
                  - client_id: cas-sso-rp
                    client_secret: cas-sso-rp-secret-0123456789
                    redirect_uris: ["http://127.0.0.1:9/cb"]
                    grant_types: [authorization_code]
                    scopes: [openid, profile]
                users:
                  - username: casuser
                    password: casuser-pass
                    name: Cas User
                    email: casuser@example.edu
                    attributes:
                      dept: 信息中心
                      roles: [staff, faculty]
                      motto: "<b>&\\"quoted\\"</b>"
                services:
                  - id: app
                    name: Course Portal
                    service: %s
                    match: prefix
                  - id: limited
                    service: https://limited.example.edu/
                    match: prefix
                    attributes: [email]
                  - id: proxier
                    service: %s/
                    match: prefix
                    proxy: {allowed: true, pgt_url: '%s'}
                    logout_type: none
                  - id: front
                    service: https://front.example.edu/
                    match: prefix
                    logout_type: front_channel
                """.formatted(app, apps.proxyBase(), pgtPattern.replace("'", "''"));
        Path file = Files.createTempFile("cas-protocol", ".yaml");
        Files.writeString(file, yaml);
        server = LanyardTestServer.builder().importing(file)
                .env("LANYARD_DIALECTS_CAS_OPTIONS_PROXY_CALLBACK_TRUST_CERT", apps.certificatePem.toString())
                .start();
        base = server.baseUrl();
        cas = base + "/cas";
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (apps != null) {
            apps.close();
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Opens {@code /cas/login?service=…&extra}, signs in on the login page; answers the redirect's Location. */
    private static String signIn(Browser browser, String service, String extra) {
        Http.Reply page = browser.get(cas + "/login?service=" + enc(service) + extra);
        assertEquals(200, page.status(), page.body());
        Map<String, String> form = Browser.hiddenFields(page.body());
        assertTrue(form.containsKey("rid"), page.body());
        form.put("username", USER);
        form.put("password", PASSWORD);
        Http.Reply login = browser.postForm(cas + "/login", Http.form(form));
        assertEquals(303, login.status(), login.body());
        return login.header("Location");
    }

    private static String ticketOf(String location, String service) {
        assertTrue(location.startsWith(service + (service.contains("?") ? "&" : "?") + "ticket=ST-"), location);
        String ticket = location.substring(location.indexOf("ticket=") + 7);
        assertTrue(ST.matcher(ticket).matches(), ticket);
        return ticket;
    }

    private static String get(String url) {
        Http.Reply reply = Http.get(url, null);
        assertEquals(200, reply.status(), reply.body());
        return reply.body();
    }

    private static String failureCode(String xml) {
        Matcher m = Pattern.compile("<cas:authenticationFailure code=\"([A-Z_]+)\">").matcher(xml);
        assertTrue(m.find(), xml);
        return m.group(1);
    }

    @Test
    void cas20ClientValidatesATicketFromTheLoginPageWithAttributes() throws Exception {
        String service = app + "course?id=7";
        String ticket = ticketOf(signIn(new Browser(base), service, ""), service);
        Assertion assertion = new Cas20ServiceTicketValidator(cas).validate(ticket, service);
        assertEquals(USER, assertion.getPrincipal().getName());
        Map<String, Object> attributes = assertion.getPrincipal().getAttributes();
        assertEquals("casuser@example.edu", attributes.get("email"));
        assertEquals("信息中心", attributes.get("dept"));
        assertEquals(List.of("staff", "faculty"), attributes.get("roles"));
        assertEquals("<b>&\"quoted\"</b>", attributes.get("motto"), "escaped on the wire, intact in the client");
        // single use: the same ticket again is INVALID_TICKET
        String replay = get(cas + "/serviceValidate?service=" + enc(service) + "&ticket=" + ticket);
        assertEquals("INVALID_TICKET", failureCode(replay));
        assertFalse(replay.contains(ticket), "a failure never repeats the ticket");
    }

    @Test
    void cas30ClientSeesAuthenticationAttributesAndSsoTicketsAreNotFromNewLogin() throws Exception {
        Browser browser = new Browser(base);
        String ticket = ticketOf(signIn(browser, app, ""), app);
        Assertion first = new Cas30ServiceTicketValidator(cas).validate(ticket, app);
        assertEquals("true", String.valueOf(first.getPrincipal().getAttributes().get("isFromNewLogin")));
        assertNotNull(first.getPrincipal().getAttributes().get("authenticationDate"));
        assertEquals("false", String.valueOf(first.getPrincipal().getAttributes()
                .get("longTermAuthenticationRequestTokenUsed")));

        // the SSO session answers at once, no login page
        Http.Reply sso = browser.get(cas + "/login?service=" + enc(app));
        assertEquals(302, sso.status(), sso.body());
        String second = ticketOf(sso.header("Location"), app);
        Assertion again = new Cas30ServiceTicketValidator(cas).validate(second, app);
        assertEquals("false", String.valueOf(again.getPrincipal().getAttributes().get("isFromNewLogin")));

        // renew=true validation refuses a ticket that came from the session
        String third = ticketOf(browser.get(cas + "/login?service=" + enc(app)).header("Location"), app);
        Cas20ServiceTicketValidator renewing = new Cas20ServiceTicketValidator(cas);
        renewing.setRenew(true);
        TicketValidationException refused = assertThrows(TicketValidationException.class,
                () -> renewing.validate(third, app));
        assertTrue(refused.getMessage().contains("renew"), refused.getMessage());

        // renew=true at login asks for credentials again, and that ticket passes renew validation
        String fresh = ticketOf(signIn(browser, app, "&renew=true"), app);
        assertEquals(USER, renewing.validate(fresh, app).getPrincipal().getName());
    }

    @Test
    void wrongServiceExpiresTheTicketAndProxyTicketsAreNotServiceTickets() {
        String ticket = ticketOf(signIn(new Browser(base), app, ""), app);
        String wrong = get(cas + "/p3/serviceValidate?service=" + enc(app + "other") + "&ticket=" + ticket);
        assertEquals("INVALID_SERVICE", failureCode(wrong));
        assertEquals("INVALID_TICKET", failureCode(get(cas + "/p3/serviceValidate?service=" + enc(app)
                + "&ticket=" + ticket)), "a failed validation used the ticket up");
        assertEquals("INVALID_TICKET_SPEC", failureCode(get(cas + "/serviceValidate?service=" + enc(app)
                + "&ticket=PT-" + "a".repeat(43))));
        assertEquals("INVALID_REQUEST", failureCode(get(cas + "/serviceValidate?service=" + enc(app))));
        assertEquals("INVALID_TICKET", failureCode(get(cas + "/serviceValidate?service=" + enc(app)
                + "&ticket=" + enc("ST-<x>"))));
    }

    @Test
    void rawShapesFollowTheSpecification() {
        String ticket = ticketOf(signIn(new Browser(base), app, ""), app);
        String xml = get(cas + "/p3/serviceValidate?service=" + enc(app) + "&ticket=" + ticket);
        assertTrue(xml.startsWith("<cas:serviceResponse xmlns:cas=\"http://www.yale.edu/tp/cas\">"), xml);
        assertTrue(xml.contains("<cas:authenticationSuccess>"), xml);
        assertTrue(xml.contains("<cas:user>casuser</cas:user>"), xml);
        assertTrue(xml.contains("<cas:motto>&lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt;</cas:motto>"), xml);
        assertTrue(xml.contains("<cas:roles>staff</cas:roles>") && xml.contains("<cas:roles>faculty</cas:roles>"),
                xml);

        String json = get(cas + "/p3/serviceValidate?format=JSON&service=" + enc(app) + "&ticket="
                + ticketOf(signIn(new Browser(base), app, ""), app));
        JsonObject success = new JsonObject(json).getJsonObject("serviceResponse")
                .getJsonObject("authenticationSuccess");
        assertEquals(USER, success.getString("user"));
        assertEquals("casuser@example.edu", success.getJsonObject("attributes").getString("email"));
        assertEquals(List.of("staff", "faculty"), success.getJsonObject("attributes").getJsonArray("roles").getList());
        JsonObject failure = new JsonObject(get(cas + "/p3/serviceValidate?format=json&service=" + enc(app)
                + "&ticket=ST-" + "b".repeat(43))).getJsonObject("serviceResponse")
                .getJsonObject("authenticationFailure");
        assertEquals("INVALID_TICKET", failure.getString("code"));
        assertNotNull(failure.getString("description"));

        String v1 = get(cas + "/validate?service=" + enc(app) + "&ticket="
                + ticketOf(signIn(new Browser(base), app, ""), app));
        assertEquals("yes\ncasuser\n", v1);
        assertEquals("no\n\n", get(cas + "/validate?service=" + enc(app) + "&ticket=ST-" + "c".repeat(43)));
    }

    @Test
    void attributesAreLimitedToTheServicesList() throws Exception {
        String service = "https://limited.example.edu/x";
        String ticket = ticketOf(signIn(new Browser(base), service, ""), service);
        Map<String, Object> attributes = new Cas20ServiceTicketValidator(cas).validate(ticket, service)
                .getPrincipal().getAttributes();
        assertEquals(Map.of("email", "casuser@example.edu"), attributes);
    }

    @Test
    void anUnregisteredServiceGetsTheErrorPageNeverARedirect() {
        Http.Reply reply = new Browser(base).get(cas + "/login?service=" + enc("https://evil.example.com/"));
        assertEquals(400, reply.status());
        assertNull(reply.header("Location"));
        assertTrue(reply.header("Content-Type").startsWith("text/html"), reply.header("Content-Type"));
        assertTrue(reply.body().contains("INVALID_SERVICE"), reply.body());
        // a prefix match is on a path boundary of the same origin
        assertEquals(400, new Browser(base).get(cas + "/login?service="
                + enc(app.substring(0, app.length() - 1) + "x/")).status());
    }

    @Test
    void gatewayNeverShowsThePage() {
        Browser browser = new Browser(base);
        Http.Reply anonymous = browser.get(cas + "/login?gateway=true&service=" + enc(app));
        assertEquals(302, anonymous.status());
        assertEquals(app, anonymous.header("Location"), "back to the service without a ticket");
        signIn(browser, app, "");
        Http.Reply signedIn = browser.get(cas + "/login?gateway=true&service=" + enc(app));
        assertEquals(302, signedIn.status());
        ticketOf(signedIn.header("Location"), app);
    }

    @Test
    void methodPostAnswersAnAutoSubmittingForm() {
        Browser browser = new Browser(base);
        signIn(browser, app, "");
        Http.Reply form = browser.get(cas + "/login?method=POST&service=" + enc(app));
        assertEquals(200, form.status());
        assertTrue(form.body().contains("<form method=\"post\" action=\"" + app + "\">"), form.body());
        assertTrue(form.body().contains("name=\"ticket\" value=\"ST-"), form.body());
    }

    @Test
    void withoutAServiceTheUserIsSignedIn() {
        Browser browser = new Browser(base);
        Http.Reply page = browser.get(cas + "/login");
        Map<String, String> form = Browser.hiddenFields(page.body());
        form.put("username", USER);
        form.put("password", PASSWORD);
        Http.Reply done = browser.postForm(cas + "/login", Http.form(form));
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains(USER), done.body());
    }

    @Test
    void oneSignInServesCasAndOidcApplications() {
        Browser browser = new Browser(base);
        signIn(browser, app, "");
        Http.Reply authorize = browser.get(base + "/oauth2/authorize?response_type=code&client_id=cas-sso-rp"
                + "&scope=openid&redirect_uri=" + enc("http://127.0.0.1:9/cb") + "&state=s1&nonce=n1");
        assertEquals(302, authorize.status(), authorize.body());
        assertTrue(authorize.header("Location").startsWith("http://127.0.0.1:9/cb?code="), authorize.header("Location"));
    }

    @Test
    void logoutSendsBackChannelNoticesAndRedirectsOnlyToRegisteredServices() throws Exception {
        Browser browser = new Browser(base);
        String ticket = ticketOf(signIn(browser, app, ""), app);
        new Cas20ServiceTicketValidator(cas).validate(ticket, app);
        apps.logoutNotices.clear();
        Http.Reply logout = browser.get(cas + "/logout?service=" + enc(app));
        assertEquals(302, logout.status(), logout.body());
        assertEquals(app, logout.header("Location"));
        Map<String, String> notice = apps.logoutNotices.poll(10, TimeUnit.SECONDS);
        assertNotNull(notice, "no back-channel logout arrived");
        String request = notice.get("logoutRequest");
        assertTrue(request.startsWith("<samlp:LogoutRequest xmlns:samlp=\"urn:oasis:names:tc:SAML:2.0:protocol\""),
                request);
        assertTrue(request.contains("<saml:NameID>casuser</saml:NameID>"), request);
        assertTrue(request.contains("<samlp:SessionIndex>" + ticket + "</samlp:SessionIndex>"), request);
        // the session is over: the login page comes back
        assertEquals(200, browser.get(cas + "/login?service=" + enc(app)).status());
        // an unregistered return address is not followed
        Http.Reply elsewhere = browser.get(cas + "/logout?service=" + enc("https://evil.example.com/"));
        assertEquals(200, elsewhere.status());
        assertNull(elsewhere.header("Location"));
    }

    @Test
    void aRefusedBackChannelNoticeIsRetriedWithoutDelayingTheLogout() throws Exception {
        Browser browser = new Browser(base);
        String ticket = ticketOf(signIn(browser, app, ""), app);
        apps.logoutNotices.clear();
        apps.refuseLogouts.set(1);
        Http.Reply logout = browser.get(cas + "/logout");
        assertEquals(200, logout.status(), "answered before any notice succeeded");
        Map<String, String> first = apps.logoutNotices.poll(10, TimeUnit.SECONDS);
        Map<String, String> retry = apps.logoutNotices.poll(10, TimeUnit.SECONDS);
        assertNotNull(first);
        assertNotNull(retry, "the refused notice was not retried");
        assertTrue(retry.get("logoutRequest").contains("<samlp:SessionIndex>" + ticket + "</samlp:SessionIndex>"));
        assertNull(apps.logoutNotices.poll(3, TimeUnit.SECONDS), "a delivered notice is not repeated");
    }

    @Test
    void frontChannelServicesGetAFrameOnTheSignedOutPage() {
        Browser browser = new Browser(base);
        ticketOf(signIn(browser, "https://front.example.edu/app", ""), "https://front.example.edu/app");
        Http.Reply page = browser.get(cas + "/logout");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("<iframe") && page.body().contains("https://front.example.edu/app?SAMLRequest="),
                page.body());
        assertTrue(page.header("Content-Security-Policy").contains("frame-src https://front.example.edu"),
                page.header("Content-Security-Policy"));
    }

    @Test
    void proxyCallbackProxyTicketAndProxyValidateWithTheRealClient() throws Exception {
        String service = apps.proxyBase() + "/portal";
        String pgtUrl = apps.proxyBase() + "/pgtCallback";
        ProxyGrantingTicketStorageImpl storage = new ProxyGrantingTicketStorageImpl();
        apps.onProxyCallback = storage::save;
        Cas20ServiceTicketValidator validator = new Cas20ServiceTicketValidator(cas);
        validator.setProxyCallbackUrl(pgtUrl);
        validator.setProxyGrantingTicketStorage(storage);
        Browser browser = new Browser(base);
        String ticket = ticketOf(signIn(browser, service, ""), service);
        Assertion assertion = validator.validate(ticket, service);
        String target = app + "backend";
        String proxyTicket = assertion.getPrincipal().getProxyTicketFor(target);
        assertNotNull(proxyTicket, "no proxy ticket");
        assertTrue(proxyTicket.startsWith("PT-"), proxyTicket);

        Cas20ProxyTicketValidator proxyValidator = new Cas20ProxyTicketValidator(cas);
        proxyValidator.setAcceptAnyProxy(true);
        Assertion proxied = proxyValidator.validate(proxyTicket, target);
        assertEquals(USER, proxied.getPrincipal().getName());

        // the chain names the proxy; serviceValidate refuses a proxy ticket
        String another = assertion.getPrincipal().getProxyTicketFor(target);
        assertEquals("INVALID_TICKET_SPEC", failureCode(get(cas + "/serviceValidate?service=" + enc(target)
                + "&ticket=" + another)));
        String raw = get(cas + "/p3/proxyValidate?service=" + enc(target) + "&ticket=" + another);
        assertTrue(raw.contains("<cas:proxies>\n            <cas:proxy>" + pgtUrl + "</cas:proxy>"), raw);
        assertFalse(raw.contains("<cas:proxyGrantingTicket>"), raw);

        // the proxy-granting ticket ends with the SSO session it was issued in
        assertEquals(200, browser.get(cas + "/logout").status());
        assertNull(assertion.getPrincipal().getProxyTicketFor(target), "a proxy ticket after logout");
    }

    @Test
    void proxyPolicyErrors() {
        String ticket = ticketOf(signIn(new Browser(base), app, ""), app);
        assertEquals("UNAUTHORIZED_SERVICE_PROXY", failureCode(get(cas + "/serviceValidate?service=" + enc(app)
                + "&ticket=" + ticket + "&pgtUrl=" + enc(apps.proxyBase() + "/pgt"))));
        String service = apps.proxyBase() + "/portal";
        String second = ticketOf(signIn(new Browser(base), service, ""), service);
        assertEquals("INVALID_PROXY_CALLBACK", failureCode(get(cas + "/serviceValidate?service=" + enc(service)
                + "&ticket=" + second + "&pgtUrl=" + enc("http://127.0.0.1:9/pgt"))));
        String proxyFailure = get(cas + "/proxy?pgt=PGT-" + "d".repeat(43) + "&targetService=" + enc(app));
        assertTrue(proxyFailure.contains("<cas:proxyFailure code=\"INVALID_TICKET\">"), proxyFailure);
    }

    @Test
    void saml11ValidationWithTheRealClient() throws Exception {
        String ticket = ticketOf(signIn(new Browser(base), app, ""), app);
        Assertion assertion = new Saml11TicketValidator(cas).validate(ticket, app);
        assertEquals(USER, assertion.getPrincipal().getName());
        assertEquals("casuser@example.edu", assertion.getPrincipal().getAttributes().get("email"));
        assertThrows(TicketValidationException.class, () -> new Saml11TicketValidator(cas).validate(ticket, app),
                "single use");
    }

    /** pac4j-cas (6.1.2) as a CAS 3.0 application: its redirect to /cas/login, a sign-in, its ticket validation. */
    @Test
    void pac4jCasSignsInWithTheCasProtocol() {
        CasConfiguration configuration = new CasConfiguration(cas + "/login", CasProtocol.CAS30);
        CasClient client = new CasClient(configuration);
        client.setCallbackUrl(PAC4J_CALLBACK);
        SessionStore session = new Pac4jApp.MapSessionStore();
        RedirectionAction redirect = client.getRedirectionAction(
                new CallContext(new Pac4jApp.CallbackRequest(PAC4J_CALLBACK, Map.of()), session))
                .orElseThrow();
        String login = ((FoundAction) redirect).getLocation();
        assertTrue(login.startsWith(cas + "/login?service="), login);

        Browser browser = new Browser(base);
        Http.Reply page = browser.get(login);
        assertEquals(200, page.status(), page.body());
        Map<String, String> form = Browser.hiddenFields(page.body());
        form.put("username", USER);
        form.put("password", PASSWORD);
        String back = browser.postForm(cas + "/login", Http.form(form)).header("Location");
        assertTrue(back.startsWith(PAC4J_CALLBACK), back);
        CallContext callback = new CallContext(new Pac4jApp.CallbackRequest(PAC4J_CALLBACK,
                CasTestApps.decode(URI.create(back).getRawQuery())),
                session);
        Credentials credentials = client.getCredentials(callback).orElseThrow();
        credentials = client.validateCredentials(callback, credentials).orElseThrow();
        UserProfile profile = client.getUserProfile(callback, credentials).orElseThrow();
        assertEquals(USER, profile.getId());
        assertEquals("casuser@example.edu", profile.getAttribute("email"));
    }

    @Test
    void hostileInputIsAnsweredInTheCasShape() {
        String dup = get(cas + "/serviceValidate?service=" + enc(app) + "&service=" + enc(app) + "&ticket=ST-x");
        assertEquals("INVALID_REQUEST", failureCode(dup));
        Http.Reply badEncoding = RawHttp.get(base, "/cas/p3/serviceValidate?service=%zz&ticket=ST-1");
        assertEquals(200, badEncoding.status(), badEncoding.body());
        assertEquals("INVALID_REQUEST", failureCode(badEncoding.body()));
        String control = get(cas + "/proxyValidate?service=" + enc(app + "\n") + "&ticket=ST-1");
        assertEquals("INVALID_REQUEST", failureCode(control));
        assertTrue(get(cas + "/proxy?pgt=a&pgt=b&targetService=x").contains("code=\"INVALID_REQUEST\""));
        Http.Reply login = new Browser(base).get(cas + "/login?service=" + enc(app) + "&service=" + enc(app));
        assertEquals(400, login.status());
        assertTrue(login.header("Content-Type").startsWith("text/html"));
        Http.Reply saml = Http.postForm(cas + "/samlValidate?TARGET=" + enc(app), null,
                "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
        assertEquals(200, saml.status());
        assertTrue(saml.body().contains("samlp:Requester"), saml.body());
        Http.Reply post = Http.postForm(cas + "/login", null, "rid=nope&username=a&password=b");
        assertEquals(400, post.status());
        assertTrue(URI.create(cas).getPath().equals("/cas"));
    }
}

package edu.lanyard.authorize.page;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PageRenderingTest {

    private static final PageRenderer RENDERER = PageRenderer.create(Assets.load());
    private static final String HOSTILE = "<script>alert(1)</script>\"'><img src=x onerror=alert(2)>";
    private static final Pattern INLINE_HANDLER = Pattern.compile("\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    private static PageContext context(UiLocale locale) {
        return new PageContext(Messages.of(locale), "/login?rid=r1&lang=zh-CN");
    }

    private static LoginPage login(UiLocale locale) {
        return new LoginPage(context(locale), "Library", "/authorize/login", "r1", "tok", null, null);
    }

    @Test
    void hostileClientNameRendersAsInertText() {
        String html = new LoginPage(context(UiLocale.EN), HOSTILE, "/a", "r1", "tok", HOSTILE, null)
                .render(RENDERER);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // In the value="" attribute the quote is escaped, so the attribute cannot be closed early.
        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;&quot;&#39;&gt;"), html);
    }

    @Test
    void everyPageEscapesEveryCallerSuppliedString() {
        Messages en = Messages.of(UiLocale.EN);
        PageContext ctx = new PageContext(en, "/x?a=" + HOSTILE);
        List<String> pages = List.of(
                new ConsentPage(ctx, HOSTILE, "/c", HOSTILE, HOSTILE, List.of("openid", HOSTILE), HOSTILE)
                        .render(RENDERER),
                new ErrorPage(ctx, ErrorKind.UNKNOWN_CLIENT, HOSTILE, HOSTILE).render(RENDERER),
                LogoutPage.confirm(ctx, "/l", HOSTILE, Map.of(HOSTILE, HOSTILE), HOSTILE).render(RENDERER),
                LogoutPage.signedOut(ctx, HOSTILE, "https://app.example.edu/?q=" + HOSTILE).render(RENDERER));
        for (String html : pages) {
            assertFalse(html.contains("<script"), html);
            assertFalse(html.contains("<img"), html);
        }
    }

    @Test
    void logoutRefusesScriptableReturnUrl() {
        assertThrows(IllegalArgumentException.class,
                () -> LogoutPage.signedOut(context(UiLocale.EN), "App", "javascript:alert(1)"));
        for (String url : new String[] {" JavaScript:alert(1)", "java\tscript:alert(1)", "\u0001data:text/html,x"}) {
            assertThrows(IllegalArgumentException.class, () -> LogoutPage.signedOut(context(UiLocale.EN), "A", url));
        }
        LogoutPage.signedOut(context(UiLocale.EN), "App", "com.example.app:/signed-out");
        LogoutPage.signedOut(context(UiLocale.EN), "App", "/relative/path");
    }

    @ParameterizedTest
    @EnumSource(UiLocale.class)
    void pagesUseNoInlineScriptOrStyle(UiLocale locale) {
        for (String html : allPages(locale).toList()) {
            assertFalse(html.contains("<script"), "no script element");
            assertFalse(html.contains("style="), "no style attribute");
            assertFalse(html.contains("<style"), "no style element");
            assertFalse(INLINE_HANDLER.matcher(html).find(), "no event handler attribute");
            assertFalse(html.contains("javascript:"), "no javascript: URL");
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"" + locale.tag() + "\">"), html);
            assertTrue(html.contains("<link rel=\"stylesheet\" href=\"/assets/lanyard.css?v="));
        }
    }

    @Test
    void loginFormHasTheFieldsTheFlowReads() {
        String html = new LoginPage(context(UiLocale.EN), "Library", "/authorize/login", "r-42", "tok-1",
                "alice", LoginProblem.INVALID_CREDENTIALS).render(RENDERER);
        assertTrue(html.contains("<form class=\"form\" method=\"post\" action=\"/authorize/login\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"csrf\" value=\"tok-1\">"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"rid\" value=\"r-42\">"));
        assertTrue(html.contains("name=\"username\" type=\"text\" value=\"alice\""));
        assertTrue(html.contains("name=\"password\" type=\"password\" autocomplete=\"current-password\""));
        assertTrue(html.contains("id=\"login-error\" class=\"alert-slot\" aria-live=\"assertive\""));
        assertTrue(html.contains("That ID or password is not right."));
        assertTrue(html.contains("<button class=\"button button-primary\" type=\"submit\">Sign in</button>"));
    }

    @Test
    void loginWithoutProblemHasEmptyLiveRegion() {
        String html = login(UiLocale.ZH_CN).render(RENDERER);
        assertTrue(html.contains("aria-live=\"assertive\" aria-atomic=\"true\">\n</div>"), html);
        assertFalse(html.contains("role=\"alert\""));
        assertTrue(html.contains(">登录</button>"));
    }

    @Test
    void languageLinksKeepTheRequestAndMarkTheCurrentLanguage() {
        String html = login(UiLocale.ZH_CN).render(RENDERER);
        assertTrue(html.contains("<a href=\"/login?rid=r1&amp;lang=en\" lang=\"en\" hreflang=\"en\">English</a>"),
                html);
        assertTrue(html.contains("<a href=\"/login?rid=r1&amp;lang=zh-CN\" lang=\"zh-CN\" hreflang=\"zh-CN\""
                + " aria-current=\"true\">简体中文</a>"), html);
    }

    @Test
    void withLangReplacesOnlyTheLangParameter() {
        assertEquals("/a?lang=en", PageContext.withLang("/a", UiLocale.EN));
        assertEquals("/a?x=1&lang=en", PageContext.withLang("/a?x=1&lang=zh-CN#frag", UiLocale.EN));
        assertEquals("/a?language=x&lang=zh-CN", PageContext.withLang("/a?language=x&lang", UiLocale.ZH_CN));
    }

    @Test
    void consentListsScopesWithDescriptionsInBothLanguages() {
        for (UiLocale locale : UiLocale.values()) {
            Messages messages = Messages.of(locale);
            String html = new ConsentPage(context(locale), "Library", "/consent", "r1", "tok",
                    List.of("openid", "profile", "email", "phone", "address", "offline_access", "library:loans"),
                    "alice").render(RENDERER);
            for (String scope : List.of("openid", "profile", "email", "phone", "address", "offline_access")) {
                assertTrue(html.contains(messages.get("scope_" + scope + "_title")), scope);
                assertTrue(html.contains(messages.get("scope_" + scope + "_desc")), scope);
            }
            assertTrue(html.contains("<code class=\"scope-name\">library:loans</code>"));
            assertTrue(html.contains("name=\"decision\" value=\"approve\""));
            assertTrue(html.contains("name=\"decision\" value=\"deny\""));
            assertTrue(html.contains("name=\"csrf\" value=\"tok\""));
        }
    }

    @Test
    void errorPageShowsCodeAndLocalisedText() {
        ErrorPage page = new ErrorPage(context(UiLocale.ZH_CN), ErrorKind.UNKNOWN_CLIENT);
        String html = page.render(RENDERER);
        assertEquals(400, page.status());
        assertTrue(html.contains("该应用尚未注册"));
        assertTrue(html.contains("<code>invalid_client</code>"));
        assertFalse(html.contains("<details"), "no developer detail given");
        assertFalse(html.contains("<form"), "an error page offers nothing to submit");
    }

    @Test
    void logoutStates() {
        String confirm = LogoutPage.confirm(context(UiLocale.EN), "/logout", "tok",
                Map.of("post_logout_redirect_uri", "https://app/x"), "Library").render(RENDERER);
        assertTrue(confirm.contains("<input type=\"hidden\" name=\"post_logout_redirect_uri\" value=\"https://app/x\">"));
        assertTrue(confirm.contains("name=\"csrf\" value=\"tok\""));
        String done = LogoutPage.signedOut(context(UiLocale.EN), "Library", "https://app/").render(RENDERER);
        assertTrue(done.contains("You are signed out"));
        assertTrue(done.contains("href=\"https://app/\">Return to Library</a>"));
        assertFalse(done.contains("<form"));
    }

    private static Stream<String> allPages(UiLocale locale) {
        PageContext ctx = context(locale);
        Stream<String> logins = Stream.concat(Stream.of(login(locale).render(RENDERER)),
                Stream.of(LoginProblem.values()).map(p -> login(locale).withProblem(p, "u").render(RENDERER)));
        Stream<String> errors = Stream.of(ErrorKind.values())
                .map(kind -> new ErrorPage(ctx, kind, null, "detail").render(RENDERER));
        Stream<String> others = Stream.of(
                new ConsentPage(ctx, "Library", "/c", "r1", "t", List.of("openid", "x"), null).render(RENDERER),
                LogoutPage.confirm(ctx, "/l", "t", null, null).render(RENDERER),
                LogoutPage.signedOut(ctx, null, null).render(RENDERER));
        return Stream.of(logins, errors, others).flatMap(s -> s);
    }
}

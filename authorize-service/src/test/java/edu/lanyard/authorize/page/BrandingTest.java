package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;
import edu.lanyard.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The institution's name, logo, help-desk link and colours on the sign-in pages, configured per language. */
class BrandingTest {
    private static final String HOSTILE_EN = "Example <script>alert(1)</script> \"University\"";
    private static final String HOSTILE_ZH = "示例大学<img src=x onerror=alert(2)>";

    @TempDir
    Path dir;

    private static Branding branding(String logoUrl, String logoFile, String primary, String accent) {
        return new Branding(new Branding.Localized(HOSTILE_EN, HOSTILE_ZH),
                new Branding.Localized("Single sign-on & more", ""),
                "https://help.example.edu/sso?topic=login&lang=any",
                new Branding.Localized("Help desk <b>24/7</b>", "信息中心服务台 '全天'"),
                logoUrl, logoFile, primary, accent);
    }

    private static String login(PageRenderer renderer, UiLocale locale) {
        return new LoginPage(new PageContext(Messages.of(locale), "/login?rid=r1"), "Library", "/login", "r1", "tok",
                null, null).render(renderer);
    }

    @Test
    void configuredTextsAppearEscapedInBothLanguages() {
        Branding branding = branding("https://cdn.example.edu/logo.svg", "", "", "");
        PageRenderer renderer = PageRenderer.create(Assets.load(Assets.DEFAULT_MOUNT, branding), branding);

        String en = login(renderer, UiLocale.EN);
        assertTrue(en.contains("<title>Sign in · Example &lt;script&gt;alert(1)&lt;/script&gt; &quot;University&quot;"
                + "</title>"), en);
        assertTrue(en.contains("<span class=\"brand-name\">Example &lt;script&gt;alert(1)&lt;/script&gt; "
                + "&quot;University&quot;</span>"), en);
        assertTrue(en.contains("<span class=\"brand-tagline\">Single sign-on &amp; more</span>"), en);
        assertTrue(en.contains("<a class=\"helpdesk\" href=\"https://help.example.edu/sso?topic=login&amp;lang=any\">"
                + "Help desk &lt;b&gt;24/7&lt;/b&gt;</a>"), en);
        assertTrue(en.contains("<img class=\"logo logo-image\" src=\"https://cdn.example.edu/logo.svg\" alt=\"\""), en);
        assertFalse(en.contains("<script"), en);
        assertFalse(en.contains("Campus single sign-on"), "the configured tagline replaces Lanyard's");

        String zh = login(renderer, UiLocale.ZH_CN);
        assertTrue(zh.contains("<span class=\"brand-name\">示例大学&lt;img src=x onerror=alert(2)&gt;</span>"), zh);
        assertTrue(zh.contains("<span class=\"brand-tagline\">校园统一身份认证</span>"),
                "an empty Chinese tagline keeps Lanyard's Chinese one");
        assertTrue(zh.contains(">信息中心服务台 &#39;全天&#39;</a>"), zh);
        assertFalse(zh.contains("<img src=x"), zh);
        assertFalse(zh.contains(HOSTILE_EN), "each language shows its own name");
    }

    @Test
    void withoutBrandingThePagesKeepLanyardsTexts() {
        PageRenderer renderer = PageRenderer.create(Assets.load());
        for (UiLocale locale : UiLocale.values()) {
            Messages messages = Messages.of(locale);
            String html = login(renderer, locale);
            assertTrue(html.contains("<span class=\"brand-name\">" + messages.get("brand_name") + "</span>"));
            assertTrue(html.contains("<span class=\"brand-tagline\">" + messages.get("brand_tagline") + "</span>"));
            assertTrue(html.contains("<p>" + messages.get("footer_note") + "</p>"), html);
            assertTrue(html.contains("<svg class=\"logo\""), "Lanyard's own logo");
            assertFalse(html.contains("brand.css"), "no colour stylesheet without colours");
        }
    }

    @Test
    void coloursBecomeAStylesheetOfLanyardsOwnAndALogoFileIsServedByLanyard() throws Exception {
        Path logo = Files.write(dir.resolve("crest.png"), new byte[]{(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        Branding branding = branding("", logo.toString(), "#1A5FB4", "#e91");
        Assets assets = Assets.load(Assets.DEFAULT_MOUNT, branding);
        String html = login(PageRenderer.create(assets, branding), UiLocale.EN);

        String stylesheet = assets.brandStylesheetUrl().orElseThrow();
        assertTrue(stylesheet.startsWith("/assets/brand.css?v="), stylesheet);
        assertTrue(html.indexOf("href=\"/assets/lanyard.css?v=") < html.indexOf("href=\"" + stylesheet + "\""),
                "the colours come after Lanyard's stylesheet, so they win");
        String css = new String(assets.find("brand.css").orElseThrow().bytes());
        assertTrue(css.contains("--primary: #1a5fb4;"), css);
        assertTrue(css.contains("--clip: #ee9911;"), css);
        assertTrue(css.contains("--on-primary: #ffffff;"), "white text contrasts best on a dark blue");
        assertTrue(css.contains("@media (prefers-color-scheme: dark)"), css);

        String logoUrl = assets.brandLogo().map(asset -> assets.url(asset.name())).orElseThrow();
        assertTrue(logoUrl.startsWith("/assets/brand-logo.png?v="), logoUrl);
        assertTrue(html.contains("<img class=\"logo logo-image\" src=\"" + logoUrl + "\""), html);
        assertTrue(html.contains("<link rel=\"icon\" href=\"" + logoUrl + "\" type=\"image/png\">"), html);
        assertEquals("image/png", assets.brandLogo().orElseThrow().contentType());
    }

    @Test
    void anInvalidColourIsRejectedWhenTheConfigurationIsLoaded() throws Exception {
        for (String colour : List.of("red", "#1a5fb4; } body { display: none", "url(https://evil.example/x)",
                "#12345g", "rgb(0 0 0)")) {
            Path file = Files.writeString(dir.resolve("lanyard.yaml"), "branding:\n  primaryColor: '"
                    + colour.replace("'", "''") + "'\n");
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(file, Map.of()), colour);
            assertTrue(refused.getMessage().contains("branding.primaryColor"), refused.getMessage());
        }
        Path good = Files.writeString(dir.resolve("good.yaml"), """
                branding:
                  name: {en: Example University, zh-CN: 示例大学}
                  primaryColor: "#0b6e4f"
                """);
        assertEquals("示例大学", ConfigLoader.load(good, Map.of()).branding().name().in("zh-CN"));
    }

    @Test
    void aLogoOnAnotherServerWidensImgSrcByExactlyItsOrigin() throws Exception {
        Branding branding = branding("https://CDN.example.edu:8443/brand/logo.svg?v=2", "", "#0b6e4f", "");
        try (PagesDemoServer server = PagesDemoServer.start(branding)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(server.url("/login?lang=zh-CN")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String csp = page.headers().firstValue("content-security-policy").orElseThrow();
            assertTrue(csp.startsWith("default-src 'none'; style-src 'self'; "
                    + "img-src 'self' data: https://cdn.example.edu:8443; form-action 'self'"), csp);
            assertTrue(page.body().contains("示例大学&lt;img"), page.body());

            String stylesheet = page.body().replaceAll("(?s).*href=\"(/assets/brand\\.css\\?v=[0-9a-f]+)\".*", "$1");
            HttpResponse<String> css = http.send(HttpRequest.newBuilder(URI.create(server.url(stylesheet))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, css.statusCode(), stylesheet);
            assertEquals("text/css; charset=utf-8", css.headers().firstValue("content-type").orElseThrow());
            assertTrue(css.body().contains("--primary: #0b6e4f;"), css.body());
        }
    }
}

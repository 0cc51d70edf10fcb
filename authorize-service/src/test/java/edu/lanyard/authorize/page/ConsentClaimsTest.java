package edu.lanyard.authorize.page;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.oidc.StandardClaims;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The consent page names exactly the claims the app will receive, in the user's language. */
class ConsentClaimsTest {
    private static final PageRenderer RENDERER = PageRenderer.create(Assets.load());
    private static final User ALICE = new User("sub-1", "alice", "hash", "Alice Zhang", "alice@example.edu", null,
            Map.of("department", "Physics", "employeeNumber", "2024001"),
            Map.of("given_name", "Alice", "family_name", "Zhang", "locale", "zh-CN"), false, User.Origin.LOCAL,
            Instant.EPOCH, Instant.EPOCH);

    private static String render(UiLocale locale, List<String> scopes, Set<String> requested) {
        Set<String> released = StandardClaims.of(ALICE, String.join(" ", scopes), requested).keySet();
        return new ConsentPage(new PageContext(Messages.of(locale), "/consent"), "Library", "/consent", "r1", "tok",
                scopes, "alice", released, requested).render(RENDERER);
    }

    @Test
    void profileListsTheProfileClaimsTheUserHasAndNothingElse() {
        String html = render(UiLocale.EN, List.of("openid", "profile"), Set.of());
        assertTrue(html.contains("<span class=\"scope-claims\">full name, family name, given name, preferred username,"
                + " language, when your profile last changed</span>"), html);
        assertFalse(html.toLowerCase().contains("campus id"), "userinfo has no campus ID");
        assertFalse(html.toLowerCase().contains("department"), "userinfo has no department");
        assertFalse(html.contains("nickname"), "Alice has no nickname");
    }

    @Test
    void inChineseWithTheChineseSeparator() {
        String html = render(UiLocale.ZH_CN, List.of("openid", "profile", "email"), Set.of());
        assertTrue(html.contains("<span class=\"scope-claims\">姓名、姓、名、首选用户名、语言、资料最近更新时间</span>"), html);
        assertTrue(html.contains("<span class=\"scope-claims\">邮箱地址、邮箱是否已验证</span>"), html);
        assertFalse(html.contains("学号"), html);
        assertFalse(html.contains("院系"), html);
    }

    @Test
    void claimsAskedForByNameGetTheirOwnRowUnlessAScopeCoversThem() {
        String html = render(UiLocale.EN, List.of("openid", "email"), Set.of("given_name", "email", "nickname"));
        assertTrue(html.contains(Messages.of(UiLocale.EN).get("consent_claims_title")), html);
        assertTrue(html.contains("<span class=\"scope-claims\">given name</span>"),
                "email is under its scope, and Alice has no nickname to share: " + html);
    }

    @Test
    void aScopeTheUserHasNothingForSaysSo() {
        String html = render(UiLocale.EN, List.of("openid", "phone"), Set.of());
        assertTrue(html.contains(Messages.of(UiLocale.EN).get("consent_nothing_on_file")), html);
    }

    @Test
    void withoutTheUserEachScopeListsEveryClaimItCanRelease() {
        String html = new ConsentPage(new PageContext(Messages.of(UiLocale.EN), "/consent"), "Library", "/consent",
                "r1", "tok", List.of("openid", "address"), null).render(RENDERER);
        assertTrue(html.contains("<span class=\"scope-claims\">postal address</span>"), html);
    }

    @Test
    void everyStandardClaimHasALabelInBothLanguages() {
        for (UiLocale locale : UiLocale.values()) {
            Messages messages = Messages.of(locale);
            StandardClaims.SUPPORTED.forEach(claim -> assertTrue(messages.has("claim_" + claim), claim));
            assertEquals(StandardClaims.SUPPORTED.size(),
                    ScopeDescription.labels(StandardClaims.SUPPORTED, messages)
                            .split(messages.get("claim_list_separator")).length);
        }
    }
}

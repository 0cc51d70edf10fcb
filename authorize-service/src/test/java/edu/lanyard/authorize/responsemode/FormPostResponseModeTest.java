package edu.lanyard.authorize.responsemode;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FormPostResponseModeTest {
    private final ResponseMode formPost = ResponseModes.named("form_post");

    private FrontChannelReply.AutoPostForm reply(String redirectUri, Map<String, String> params) {
        return assertInstanceOf(FrontChannelReply.AutoPostForm.class, formPost.reply(redirectUri, params));
    }

    @Test
    void aFormPostsEveryParameterToTheRedirectUri() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", "c1");
        params.put("state", "s1");

        FrontChannelReply.AutoPostForm form = reply("https://app.example.edu/cb?a=1&b=2", params);

        assertEquals("https://app.example.edu/cb?a=1&b=2", form.action());
        assertEquals("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Continue</title></head>"
                + "<body><form method=\"post\" action=\"https://app.example.edu/cb?a=1&amp;b=2\">"
                + "<input type=\"hidden\" name=\"code\" value=\"c1\">"
                + "<input type=\"hidden\" name=\"state\" value=\"s1\">"
                + "<noscript><button type=\"submit\">Continue / 继续</button></noscript></form>"
                + "<script>document.forms[0].submit();</script></body></html>", form.html());
    }

    @Test
    void valuesAreEscapedSoNoneCanLeaveItsAttribute() {
        String html = reply("https://app.example.edu/cb", Map.of("state", "\"><script>alert('x')</script>&")).html();

        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;\""), html);
        assertFalse(html.contains("alert('x')"));
    }

    @Test
    void theScriptHashAllowsExactlyThePagesOneScript() throws Exception {
        String html = reply("https://app.example.edu/cb", Map.of()).html();
        Matcher script = Pattern.compile("<script>(.*?)</script>").matcher(html);
        assertTrue(script.find());
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.group(1).getBytes(StandardCharsets.UTF_8));

        assertEquals(Base64.getEncoder().encodeToString(digest), FrontChannelReply.AutoPostForm.SCRIPT_SHA256);
        assertFalse(script.find(), "one script only");
    }

    @Test
    void isNamedAsRequestsSpellIt() {
        assertEquals("form_post", formPost.name());
    }
}

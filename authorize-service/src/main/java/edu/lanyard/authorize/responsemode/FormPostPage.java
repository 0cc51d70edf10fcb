package edu.lanyard.authorize.responsemode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * OAuth 2.0 Form Post Response Mode: the response parameters as a form that the browser posts to the client at once.
 * The one script that submits it is allowed by its hash in the page's CSP ({@link #SCRIPT_SHA256}); without
 * JavaScript the user presses the button.
 */
final class FormPostPage {
    private static final String SCRIPT = "document.forms[0].submit();";
    static final String SCRIPT_SHA256 = sha256(SCRIPT);

    private FormPostPage() {
    }

    static String render(String action, Map<String, String> params) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Continue</title></head><body>")
                .append("<form method=\"post\" action=\"").append(escape(action)).append("\">");
        for (Map.Entry<String, String> param : params.entrySet()) {
            html.append("<input type=\"hidden\" name=\"").append(escape(param.getKey()))
                    .append("\" value=\"").append(escape(param.getValue())).append("\">");
        }
        return html.append("<noscript><button type=\"submit\">Continue / 继续</button></noscript></form>")
                .append("<script>").append(SCRIPT).append("</script></body></html>").toString();
    }

    private static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String sha256(String script) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package edu.lanyard.authorize;

import java.util.Map;

/**
 * OAuth 2.0 Form Post Response Mode: the response parameters as a form the browser posts to the client. Lanyard's
 * CSP forbids scripts, so the form is submitted by the user's click (a single button) rather than automatically.
 */
final class FormPostPage {
    private FormPostPage() {
    }

    static String render(AuthorizationResponse response) {
        StringBuilder html = new StringBuilder(512)
                .append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Continue</title></head><body>")
                .append("<form method=\"post\" action=\"").append(escape(response.redirectUri())).append("\">");
        for (Map.Entry<String, String> param : response.params().entrySet()) {
            html.append("<input type=\"hidden\" name=\"").append(escape(param.getKey()))
                    .append("\" value=\"").append(escape(param.getValue())).append("\">");
        }
        return html.append("<button type=\"submit\">Continue / 继续</button></form></body></html>").toString();
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
}

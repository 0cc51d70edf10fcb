package edu.lanyard.launcher.browser;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One HTTP response as a browser sees it, with the bits of the page a test reads (forms, heading, error code). */
record WebReply(URI uri, int status, HttpHeaders headers, String body) {
    private static final Pattern HIDDEN = Pattern.compile(
            "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]* action=\"([^\"]+)\"");
    private static final Pattern HEADING = Pattern.compile("<h1>([^<]*)</h1>");
    private static final Pattern ERROR_CODE = Pattern.compile("<dd><code>([^<]*)</code></dd>");

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The Location header; fails the test when there is none. */
    String location() {
        return header("Location").orElseThrow(() -> new AssertionError("no redirect (" + status + "): "
                + summary()));
    }

    boolean isRedirect() {
        return status == 302 || status == 303;
    }

    /** The query or fragment parameters of the redirect, as the client's callback would read them. */
    Callback callback() {
        return Callback.parse(location());
    }

    boolean isLoginPage() {
        return status / 100 == 2 || status == 400
                ? body.contains("name=\"password\"") && body.contains("name=\"rid\"")
                : false;
    }

    boolean isConsentPage() {
        return body.contains("name=\"decision\"");
    }

    boolean isHtml() {
        return header("Content-Type").map(type -> type.startsWith("text/html")).orElse(false);
    }

    /** The hidden inputs of the page's form, unescaped; a fresh mutable map. */
    Map<String, String> hiddenFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher matcher = HIDDEN.matcher(body);
        while (matcher.find()) {
            fields.put(unescape(matcher.group(1)), unescape(matcher.group(2)));
        }
        return fields;
    }

    String formAction() {
        Matcher matcher = FORM_ACTION.matcher(body);
        if (!matcher.find()) {
            throw new AssertionError("no form on the page: " + summary());
        }
        return unescape(matcher.group(1));
    }

    String heading() {
        Matcher matcher = HEADING.matcher(body);
        return matcher.find() ? unescape(matcher.group(1)) : "";
    }

    /** The OAuth error code an error page shows. */
    String errorCode() {
        Matcher matcher = ERROR_CODE.matcher(body);
        return matcher.find() ? unescape(matcher.group(1)) : "";
    }

    String summary() {
        return header("Location").map(l -> "-> " + l)
                .orElse(heading().isEmpty() ? body.substring(0, Math.min(300, body.length())) : heading());
    }

    private static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&#x2F;", "/").replace("&#x27;", "'").replace("&amp;", "&");
    }
}

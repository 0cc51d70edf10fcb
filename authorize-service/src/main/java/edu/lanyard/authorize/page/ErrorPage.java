package edu.lanyard.authorize.page;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An error shown on Lanyard itself. It never redirects and offers no link back to the client: when the client or
 * its redirect URI is not trusted, any link would be an open redirect.
 *
 * @param errorCode the OAuth error code to show (for the service desk), or null for {@link ErrorKind#defaultCode()}
 * @param detail    technical detail for the application's developer (e.g. the error_description), or null
 */
public record ErrorPage(PageContext context, ErrorKind kind, String errorCode, String detail) {

    public ErrorPage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(kind, "kind");
        errorCode = errorCode == null ? kind.defaultCode() : errorCode;
        detail = detail == null ? "" : detail;
    }

    public ErrorPage(PageContext context, ErrorKind kind) {
        this(context, kind, null, null);
    }

    /** The HTTP status to send with the page. */
    public int status() {
        return kind.status();
    }

    public String title() {
        return context.messages().get(kind.key() + "_title");
    }

    public String message() {
        return context.messages().get(kind.key() + "_message");
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title());
        model.put("message", message());
        model.put("errorCode", errorCode);
        model.put("detail", detail);
        return renderer.render("error", context, model);
    }
}

package edu.lanyard.authorize.page;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sign-out: {@link State#CONFIRM} asks (a form posting {@value CsrfTokens#FIELD} and {@code hiddenFields} to
 * {@code formAction}); {@link State#SIGNED_OUT} says it is done, with an optional link back to the application.
 *
 * @param formAction   where the confirm form posts; ignored when signed out
 * @param csrfToken    ignored when signed out
 * @param hiddenFields carried through the confirm form (e.g. {@code post_logout_redirect_uri}, {@code state})
 * @param clientName   the application that asked for the sign-out, or null
 * @param returnUrl    a validated post-logout redirect URI to offer once signed out, or null
 */
public record LogoutPage(PageContext context, State state, String formAction, String csrfToken,
                         Map<String, String> hiddenFields, String clientName, String returnUrl) {

    public enum State { CONFIRM, SIGNED_OUT }

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Set<String> SCRIPTABLE_SCHEMES = Set.of("javascript", "data", "vbscript", "file");

    public LogoutPage {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(state, "state");
        if (state == State.CONFIRM) {
            Objects.requireNonNull(formAction, "formAction");
            Objects.requireNonNull(csrfToken, "csrfToken");
        }
        hiddenFields = hiddenFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(hiddenFields));
        clientName = clientName == null ? "" : clientName;
        if (returnUrl != null && !isNavigable(returnUrl)) {
            throw new IllegalArgumentException("returnUrl must be a plain navigable URL");
        }
        returnUrl = returnUrl == null ? "" : returnUrl;
    }

    public static LogoutPage confirm(PageContext context, String formAction, String csrfToken,
                                     Map<String, String> hiddenFields, String clientName) {
        return new LogoutPage(context, State.CONFIRM, formAction, csrfToken, hiddenFields, clientName, null);
    }

    public static LogoutPage signedOut(PageContext context, String clientName, String returnUrl) {
        return new LogoutPage(context, State.SIGNED_OUT, null, null, null, clientName, returnUrl);
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("signedOut", state == State.SIGNED_OUT);
        model.put("formAction", formAction == null ? "" : formAction);
        model.put("csrf", csrfToken == null ? "" : csrfToken);
        model.put("hiddenFields", hiddenFields);
        model.put("clientName", clientName);
        model.put("returnUrl", returnUrl);
        return renderer.render("logout", context, model);
    }

    // Browsers drop tabs and newlines anywhere and leading spaces/control characters before parsing a URL.
    private static boolean isNavigable(String url) {
        String cleaned = url.replaceAll("[\\t\\n\\r]", "").replaceFirst("^[\\x00-\\x20]+", "");
        Matcher scheme = SCHEME.matcher(cleaned);
        return !scheme.lookingAt() || !SCRIPTABLE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}

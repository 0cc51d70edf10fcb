package edu.lanyard.authorize;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.dialects.http.Redirects;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * MaxKey's convenience {@code GET {p}/authz/oauth/v20/{client_id}} (docs/dialects.md C.2): a link an app or portal
 * can hand out, which starts a code flow for the client at its first registered redirect URI with
 * {@code approval_prompt=auto}. The authorization endpoint then checks everything as usual. The product's other
 * endpoints under the same path are not client ids: they pass on to their own routes.
 */
public final class ClientShortcutEndpoint implements Handler<RoutingContext> {
    /** Last path segments that name an endpoint of their own at this level, never a client. */
    private static final Set<String> ENDPOINTS = Set.of("authorize", "token", "me", "introspect", "check_token",
            "jwks", "approval", "userinfo");
    private static final int MAX_CLIENT_ID = 255;
    /** Under a shortcut base: where the authorize request starts, and where the consent form posts. */
    public static final String AUTHORIZE = "/authorize";
    public static final String APPROVAL = "/authorize/approval";

    private final SignInFlow flow;
    private final String authorizePath;

    /** @param authorizePath the full path of the dialect's authorization endpoint the shortcut leads to */
    public ClientShortcutEndpoint(SignInFlow flow, String authorizePath) {
        this.flow = flow;
        this.authorizePath = authorizePath;
    }

    /** {@code base/<one segment>}, unless the segment names one of the endpoints; the segment is group 1. */
    public static String pathRegex(String base) {
        return Pattern.quote(base) + "/(?!(?:" + String.join("|", ENDPOINTS) + ")$)([^/]+)";
    }

    @Override
    public void handle(RoutingContext ctx) {
        String clientId = ctx.pathParam("param0");
        if (clientId == null || ENDPOINTS.contains(clientId)) {
            ctx.next();
            return;
        }
        Optional<Client> client = clientId.isEmpty() || clientId.length() > MAX_CLIENT_ID ? Optional.empty()
                : flow.platform().clients().findEnabled(clientId);
        if (client.isEmpty()) {
            flow.pages().showError(ctx, ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client", null);
            return;
        }
        Client found = client.get();
        // A pattern is no address to go to: such a client has to send its own authorization request.
        if (found.redirectUris().isEmpty() || found.redirectUriMatch() == RedirectUriMatch.REGEX) {
            flow.pages().showError(ctx, ErrorKind.INVALID_REDIRECT_URI, "invalid_request",
                    "this client has no redirect URI to start from", null);
            return;
        }
        String location = authorizePath + "?client_id=" + encode(found.clientId()) + "&response_type=code"
                + "&redirect_uri=" + encode(found.redirectUris().get(0)) + "&approval_prompt=auto";
        Redirects.send(ctx.response(), 302, location);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

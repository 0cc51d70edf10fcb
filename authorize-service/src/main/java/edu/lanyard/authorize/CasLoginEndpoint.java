package edu.lanyard.authorize;

import edu.lanyard.authorize.cas.CasProtocolLogin;
import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.authorize.pipeline.AuthorizationState;
import edu.lanyard.authorize.pipeline.Pipeline;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.dialects.http.HttpRequestParams;
import edu.lanyard.dialects.http.Responses;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * CAS's {@code GET {p}/login?service=…} (docs/dialects.md D.1), as far as its OAuth server used it: an authorize
 * request without a session was sent here with {@code service} = the server's own OAuth callback carrying the
 * authorize parameters. Lanyard resumes that authorize request: with a live SSO session it answers at once, else it
 * shows the login page and resumes after sign-in.
 *
 * <p>Any other {@code service} is the CAS protocol proper ({@link CasProtocolLogin}): service tickets for registered
 * services only, so the endpoint is no open redirect.
 */
public final class CasLoginEndpoint implements Handler<RoutingContext> {
    /** The callback path under the CAS prefix; also mounted as an alias of the CAS authorize endpoint. */
    public static final String CALLBACK = "/oauth2.0/callbackAuthorize";
    /** Under the CAS mount's prefix. */
    public static final String PATH = "/login";

    private final Pipeline authorize;
    private final SignInFlow flow;
    private final String callback;
    private final CasProtocolLogin protocol;

    /** @param authorize the CAS authorize pipeline, answering need-login with the login page */
    public CasLoginEndpoint(Pipeline authorize, SignInFlow flow, String prefix) {
        this(authorize, flow, prefix, null);
    }

    /** @param protocol the CAS protocol's login, for every service that is not the OAuth callback; null for none */
    public CasLoginEndpoint(Pipeline authorize, SignInFlow flow, String prefix, CasProtocolLogin protocol) {
        this.authorize = authorize;
        this.flow = flow;
        this.callback = callbackUrl(flow.platform().issuer(), prefix);
        this.protocol = protocol;
    }

    /** The absolute callback URL: the issuer's origin and path, the CAS prefix, {@link #CALLBACK}. */
    static String callbackUrl(String issuer, String prefix) {
        String base = issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
        return base + prefix + CALLBACK;
    }

    /** Where an authorize request without a session goes: {@code {p}/login?service=<callback?its parameters>}. */
    public static String loginRedirect(String issuer, String prefix, String authorizeQuery) {
        String service = callbackUrl(issuer, prefix) + (authorizeQuery == null || authorizeQuery.isEmpty()
                ? "" : "?" + authorizeQuery);
        return prefix + "/login?service=" + URLEncoder.encode(service, StandardCharsets.UTF_8);
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (protocol != null && !isCallback(ctx.queryParam("service"))) {
            protocol.get(ctx);
            return;
        }
        Optional<RequestParams> authorizeParams = serviceParams(ctx);
        if (authorizeParams.isEmpty()) {
            flow.pages().showError(ctx, ErrorKind.BAD_REQUEST, "invalid_request",
                    "service must be this server's CAS OAuth callback", null);
            return;
        }
        RequestParams params = authorizeParams.get();
        AuthorizationState received = AuthorizationState.received(params, flow.cookie().read(ctx),
                Responses.clientIp(ctx));
        String uiLocales = params.firstOrNull("ui_locales");
        authorize.run(received)
                .compose(result -> flow.outcomes().send(ctx, result, authorize.redirectStatus(), uiLocales))
                .onFailure(failure -> flow.outcomes().fail(ctx, failure, uiLocales));
    }

    /** One service, and it is this server's CAS OAuth callback (the OAuth sign-in detour of D.1). */
    private boolean isCallback(List<String> services) {
        return services.size() == 1 && (services.get(0).equals(callback)
                || services.get(0).startsWith(callback + "?"));
    }

    /** The authorize parameters the service URL carries, if it is our callback and well formed. */
    private Optional<RequestParams> serviceParams(RoutingContext ctx) {
        List<String> services = ctx.queryParam("service");
        if (services.size() != 1 || !HeaderValues.isSafeUri(services.get(0))) {
            return Optional.empty();
        }
        String service = services.get(0);
        if (!service.equals(callback) && !service.startsWith(callback + "?")) {
            return Optional.empty();
        }
        try {
            MultiMap query = MultiMap.caseInsensitiveMultiMap();
            new QueryStringDecoder(service, StandardCharsets.UTF_8).parameters()
                    .forEach((name, values) -> values.forEach(value -> query.add(name, value)));
            return Optional.of(HttpRequestParams.from(source -> query, List.of(RequestParams.Source.QUERY)));
        } catch (RuntimeException undecodable) {
            return Optional.empty();
        }
    }
}

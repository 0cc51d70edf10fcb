package edu.lanyard.dialects.maxkey;

import edu.lanyard.dialects.DialectEndpoint;

import java.util.List;

import static edu.lanyard.dialects.DialectEndpoint.get;
import static edu.lanyard.dialects.DialectEndpoint.getOrPost;

/**
 * MaxKey's endpoints beyond authorize, token and {@code /me} (docs/products.md C.5), relative to the mount prefix.
 * The same on every MaxKey mount ({@code /sign}, {@code /maxkey}) and on the {@code /api/sso} derivative, which is
 * MaxKey 3.5–4.0 and so has them all. The services mount them for every {@link MaxKeyDialect}.
 */
public final class MaxKeyEndpoints {
    private static final String BASE = "/authz/oauth/v20";

    public static final List<DialectEndpoint> INTROSPECT = List.of(getOrPost(BASE + "/introspect"));
    public static final List<DialectEndpoint> CHECK_TOKEN = List.of(getOrPost(BASE + "/check_token"));
    public static final List<DialectEndpoint> OIDC_USERINFO = List.of(getOrPost("/api/connect/v10/userinfo"));
    public static final String DISCOVERY_PATH = BASE + "/.well-known/openid-configuration";
    /** MaxKey also served discovery per tenant and app; the same document answers (Lanyard has one issuer). */
    public static final List<DialectEndpoint> DISCOVERY = List.of(get(DISCOVERY_PATH),
            get(BASE + "/:instId/:clientId/.well-known/openid-configuration"));
    public static final String JWKS_PATH = BASE + "/jwks";
    public static final List<DialectEndpoint> JWKS = List.of(get(JWKS_PATH));
    /** The front end's JSON logout API (not {@code /force/logout}, the browser redirect). */
    public static final List<DialectEndpoint> API_LOGOUT = List.of(getOrPost("/logout"));

    private MaxKeyEndpoints() {
    }
}

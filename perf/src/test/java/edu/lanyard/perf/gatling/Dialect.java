package edu.lanyard.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.http.HttpDsl.headerRegex;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * Where each product's apps send their authorization and token requests, and how (docs/products.md A.2, C.3, D.2,
 * E.2): the standard endpoint with HTTP Basic and a form body; Ketanyun with every parameter in the URL and an empty
 * form body, as its document shows; MaxKey by GET with the parameters in the URL; CAS and the PHP SSO with the client's
 * credentials as form parameters.
 */
public enum Dialect {
    STANDARD("/oauth2/authorize", "/oauth2/token") {
        @Override
        HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params) {
            HttpRequestActionBuilder request = http(name).post(tokenPath).basicAuth(app.clientId(), app.secret());
            for (Map.Entry<String, String> param : params.entrySet()) {
                request = request.formParam(param.getKey(), param.getValue());
            }
            return request;
        }
    },
    KETANYUN("/sso/oauth2/authorize", "/sso/oauth2/token") {
        @Override
        HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params) {
            HttpRequestActionBuilder request = http(name).post(tokenPath).header("Content-Type", Flows.form())
                    .queryParam("client_id", app.clientId()).queryParam("client_secret", app.secret());
            for (Map.Entry<String, String> param : params.entrySet()) {
                request = request.queryParam(param.getKey(), param.getValue());
            }
            return request;
        }
    },
    MAXKEY("/sign/authz/oauth/v20/authorize", "/sign/authz/oauth/v20/token") {
        @Override
        HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params) {
            HttpRequestActionBuilder request = http(name).get(tokenPath)
                    .queryParam("client_id", app.clientId()).queryParam("client_secret", app.secret());
            for (Map.Entry<String, String> param : params.entrySet()) {
                request = request.queryParam(param.getKey(), param.getValue());
            }
            return request;
        }
    },
    CAS("/cas/oauth2.0/authorize", "/cas/oauth2.0/accessToken") {
        @Override
        HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params) {
            return formWithClientParams(http(name).post(tokenPath), app, params);
        }
    },
    PHP_SSO("/authorize.php", "/token.php") {
        @Override
        HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params) {
            return formWithClientParams(http(name).post(tokenPath), app, params);
        }
    };

    final String authorizePath;
    final String tokenPath;

    Dialect(String authorizePath, String tokenPath) {
        this.authorizePath = authorizePath;
        this.tokenPath = tokenPath;
    }

    /** A token request to this product's endpoint in this product's shape; {@code params} may hold Gatling EL. */
    abstract HttpRequestActionBuilder tokenRequest(String name, Campus.App app, Map<String, String> params);

    /** A label for the report: "token[maxkey]: refresh_token". */
    String label(String what) {
        return "token[" + name().toLowerCase().replace('_', '-') + "]: " + what;
    }

    /**
     * A token request whose answer must carry an access token (every product: a MaxKey error is a 200 too), saved
     * under {@code accessKey}; a refresh token, when the answer has one, replaces the one under {@code refreshKey}
     * (products that do not rotate send none, or the same one back).
     */
    public ChainBuilder token(String what, Campus.App app, Map<String, String> params, String accessKey,
                              String refreshKey) {
        return exec(tokenRequest(label(what), app, params)
                .check(status().is(200), jsonPath("$.access_token").saveAs(accessKey),
                        jsonPath("$.refresh_token").optional().saveAs(refreshKey)));
    }

    /** The password grant for the session's student. */
    public ChainBuilder password(Campus.App app, String scope) {
        return token("password", app, params("grant_type", "password", "username", "#{" + Flows.USERNAME + "}",
                "password", Campus.STUDENT_PASSWORD, "scope", scope), Flows.ACCESS_TOKEN, Flows.REFRESH_TOKEN);
    }

    /** The refresh grant with the session's refresh token. */
    public ChainBuilder refresh(Campus.App app) {
        return token("refresh_token", app, params("grant_type", "refresh_token",
                "refresh_token", "#{" + Flows.REFRESH_TOKEN + "}"), Flows.ACCESS_TOKEN, Flows.REFRESH_TOKEN);
    }

    /**
     * An app visited by a student who already has an SSO session: the authorization request is answered with a
     * redirect carrying a code at once (no login page), and the app's back end exchanges the code at its product's
     * token endpoint. The app's tokens are saved under {@code prefix + "Access"} and {@code prefix + "Refresh"}.
     */
    public ChainBuilder visitWithSession(Campus.App app, String scope, String prefix) {
        String lower = name().toLowerCase().replace('_', '-');
        return exec(http("authorize[" + lower + "]: SSO session").get(authorizePath)
                .queryParam("response_type", "code").queryParam("client_id", app.clientId())
                .queryParam("redirect_uri", app.redirectUri()).queryParam("scope", scope)
                .queryParam("state", "#{state}")
                .check(status().in(302, 303), headerRegex("Location", "[?&]code=([^&#]+)").saveAs("code")))
                .exec(token("authorization_code", app, params("grant_type", "authorization_code", "code", "#{code}",
                        "redirect_uri", app.redirectUri()), prefix + "Access", prefix + "Refresh"));
    }

    private static HttpRequestActionBuilder formWithClientParams(HttpRequestActionBuilder request, Campus.App app,
                                                                 Map<String, String> params) {
        HttpRequestActionBuilder built = request.formParam("client_id", app.clientId())
                .formParam("client_secret", app.secret());
        for (Map.Entry<String, String> param : params.entrySet()) {
            built = built.formParam(param.getKey(), param.getValue());
        }
        return built;
    }

    static Map<String, String> params(String... pairs) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], pairs[i + 1]);
        }
        return params;
    }
}

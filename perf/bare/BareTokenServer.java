import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The ceiling Lanyard is measured against (perf/compare.sh): a bare Vert.x 5 HTTP server on 127.0.0.1 with nothing
 * behind it. It reads the same requests the wrk scripts send (a form POST with HTTP Basic for the token and
 * introspection endpoints, a Bearer header for userinfo), checks that the parameters are there, and answers a JSON
 * body of the same shape with a fresh random token — no client lookup, no secret check, no store, no event log. One
 * verticle per core and the native transport, as a Lanyard node deploys its HTTP verticle.
 *
 * <p>Not part of any build: run from the production jar's class path (the same Vert.x and Netty as Lanyard) by
 * perf/bare.sh, as {@code java -cp lanyard.jar BareTokenServer.java PORT}.
 */
public final class BareTokenServer extends AbstractVerticle {
    private final SecureRandom random = new SecureRandom();
    private final int port;

    private BareTokenServer(int port) {
        this.port = port;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        int instances = Math.max(1, Runtime.getRuntime().availableProcessors());
        vertx.deployVerticle(() -> new BareTokenServer(port), new DeploymentOptions().setInstances(instances))
                .onSuccess(id -> System.out.println("bare Vert.x endpoint on http://127.0.0.1:" + port
                        + " (" + instances + " verticles, native transport " + vertx.isNativeTransportEnabled() + ")"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start() {
        vertx.createHttpServer().requestHandler(this::handle).listen(port, "127.0.0.1");
    }

    private void handle(HttpServerRequest request) {
        String path = request.path();
        if ("/health/ready".equals(path)) {
            request.response().end("{\"status\":\"UP\"}");
        } else if ("/oauth2/userinfo".equals(path)) {
            String authorization = request.getHeader("Authorization");
            if (authorization == null || !authorization.startsWith("Bearer ")) {
                json(request, 401, new JsonObject().put("error", "invalid_token"));
            } else {
                json(request, 200, new JsonObject().put("sub", "student1").put("name", "Student One")
                        .put("email", "student1@example.edu"));
            }
        } else if ("/oauth2/token".equals(path) || "/oauth2/introspect".equals(path)) {
            request.setExpectMultipart(true);
            request.endHandler(end -> form(request, path));
        } else {
            json(request, 404, new JsonObject().put("error", "not_found"));
        }
    }

    private void form(HttpServerRequest request, String path) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.startsWith("Basic ")) {
            json(request, 401, new JsonObject().put("error", "invalid_client"));
        } else if (path.endsWith("/token")) {
            String grant = request.getFormAttribute("grant_type");
            if (grant == null) {
                json(request, 400, new JsonObject().put("error", "invalid_request"));
                return;
            }
            json(request, 200, new JsonObject().put("access_token", token()).put("token_type", "Bearer")
                    .put("expires_in", 3600).put("scope", request.getFormAttribute("scope")));
        } else {
            String token = request.getFormAttribute("token");
            json(request, 200, token == null ? new JsonObject().put("active", false)
                    : new JsonObject().put("active", true).put("client_id", "bench").put("scope", "profile")
                    .put("token_type", "Bearer").put("exp", System.currentTimeMillis() / 1000 + 3600));
        }
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(HttpServerRequest request, int status, JsonObject body) {
        request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(body.encode());
    }
}

package edu.lanyard.dialects.http;

import edu.lanyard.core.error.OAuthException;
import edu.lanyard.core.request.RequestParams;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** RequestParams as Vert.x fills it from a real request: query first, then the form body. */
class RequestParamsTest {
    private static Vertx vertx;
    private static HttpServer server;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setMergeFormAttributes(false));
        router.post("/echo").handler(ctx -> {
            RequestParams params = HttpRequestParams.from(ctx, List.of(RequestParams.Source.QUERY,
                    RequestParams.Source.FORM));
            JsonObject answer = new JsonObject()
                    .put("a", params.firstOrNull("a"))
                    .put("aAsSent", params.allAsSent("a"))
                    .put("hasB", params.has("b"))
                    .put("repeated", params.repeated());
            try {
                params.rejectRepeated();
                answer.put("rejected", (String) null);
            } catch (OAuthException e) {
                answer.put("rejected", e.error().error());
            }
            try {
                answer.put("required", params.required("b"));
            } catch (OAuthException e) {
                answer.put("required", e.error().error());
            }
            ctx.response().end(answer.encode());
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private static JsonObject post(String query, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.actualPort()
                        + "/echo" + (query.isEmpty() ? "" : "?" + query)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return new JsonObject(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    @Test
    void aParameterTwiceInTheBodyIsRepeated() throws Exception {
        JsonObject answer = post("", "a=1&a=2&b=x");
        assertEquals(List.of("a"), answer.getJsonArray("repeated").getList());
        assertEquals("invalid_request", answer.getString("rejected"));
        assertEquals("1", answer.getString("a"));
    }

    @Test
    void aParameterInQueryAndBodyIsRepeatedAndTheQueryComesFirst() throws Exception {
        JsonObject answer = post("a=fromQuery", "a=fromBody&b=x");
        assertEquals("fromQuery", answer.getString("a"));
        assertEquals(List.of("a"), answer.getJsonArray("repeated").getList());
    }

    @Test
    void emptyValuesCountAsAbsent() throws Exception {
        JsonObject answer = post("", "a=&b=%20%20&a=1");
        assertEquals("1", answer.getString("a"));
        assertEquals(false, answer.getBoolean("hasB"));
        assertEquals(List.of(), answer.getJsonArray("repeated").getList(), "an empty twin is not a repeat");
        assertEquals("invalid_request", answer.getString("required"));
    }

    @Test
    void valuesAreStrippedOfSurroundingWhiteSpace() throws Exception {
        JsonObject answer = post("", "a=%20v%09&b=%E5%80%BC");
        assertEquals("v", answer.getString("a"));
        assertEquals("值", answer.getString("required"));
        assertEquals(null, answer.getString("rejected"));
    }

    @Test
    void whatTrimmingHidesIsStillThereAsSent() throws Exception {
        JsonObject answer = post("a=https%3A%2F%2Fapp.edu%2Fcb%0D%0A", "a=%0D%0A&b=x");
        assertEquals("https://app.edu/cb", answer.getString("a"));
        assertEquals(List.of("https://app.edu/cb\r\n", "\r\n"), answer.getJsonArray("aAsSent").getList());
        assertEquals(List.of(), answer.getJsonArray("repeated").getList(), "a blank value still counts as absent");
        assertEquals(List.of(" x "), RequestParams.of(Map.of("a", " x ")).allAsSent("a"));
        assertEquals(List.of(), RequestParams.of(Map.of()).allAsSent("a"));
    }
}

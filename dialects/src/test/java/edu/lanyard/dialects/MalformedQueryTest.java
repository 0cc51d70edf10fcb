package edu.lanyard.dialects;

import edu.lanyard.core.request.RequestParams;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query string with a malformed percent escape at a product token endpoint (parameters from the query, errors
 * through DialectResponder) is the client's invalid_request in the dialect's shape, not a 500. Found by
 * DialectRequestFuzzTest; kept here over real HTTP because the 500 came from how Vert.x reports the decoding failure.
 */
class MalformedQueryTest {
    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create(false).setMergeFormAttributes(false));
        for (ProductDialect dialect : List.of(ProductDialects.create("ketanyun", "/sso", Map.of()),
                ProductDialects.create("maxkey", "/sign", Map.of()), ProductDialects.create("cas", "/cas", Map.of()))) {
            router.route(dialect.prefix() + "/token").handler(ctx -> DialectResponder.respond(ctx, dialect, () -> {
                RequestParams params = dialect.params(ctx);
                dialect.credentials(ctx, params);
                return Future.succeededFuture(params);
            }, (c, params) -> c.response().end("read")));
        }
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get();
    }

    @AfterAll
    static void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    /** Raw HTTP, because java.net.http refuses to send such a URI. */
    private static String send(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.actualPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void ketanyunAnswersOltusInvalidRequest() throws Exception {
        String reply = send("POST /sso/token?grant_type=client_credentials&client_id=%zz HTTP/1.1");
        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertTrue(reply.contains("\"error\":\"invalid_request\""), reply);
    }

    @Test
    void maxKeyAnswersItsErrorAs200Json() throws Exception {
        String reply = send("GET /sign/token?code=%G1 HTTP/1.1");
        assertTrue(reply.startsWith("HTTP/1.1 200"), reply);
        assertTrue(reply.contains("\"error\":\"invalid_request\""), reply);
    }

    @Test
    void casAnswersItsTextError() throws Exception {
        String reply = send("POST /cas/token?client_secret=%%%% HTTP/1.1");
        assertTrue(reply.startsWith("HTTP/1.1 400"), reply);
        assertTrue(reply.endsWith("error=invalid_request"), reply);
    }
}

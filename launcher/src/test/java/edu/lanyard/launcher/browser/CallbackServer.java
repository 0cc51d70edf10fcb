package edu.lanyard.launcher.browser;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A client application's redirect URI, for real-browser tests: records what arrives and shows a small page. */
final class CallbackServer implements AutoCloseable {
    static final String PATH = "/callback";

    private final Vertx vertx;
    private final HttpServer server;
    private final BlockingQueue<Map<String, String>> arrivals = new LinkedBlockingQueue<>();

    private CallbackServer(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    static CallbackServer start() throws Exception {
        Vertx vertx = Vertx.vertx();
        CallbackServer[] self = new CallbackServer[1];
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (!request.path().equals(PATH)) {
                request.response().setStatusCode(404).end();
                return;
            }
            // response_mode=form_post arrives as a form body, the others in the query.
            Future<String> params = request.method() == HttpMethod.POST
                    ? request.body().map(Buffer::toString)
                    : Future.succeededFuture(request.query());
            params.onSuccess(raw -> {
                self[0].arrivals.add(Callback.decode(raw));
                request.response().putHeader("Content-Type", "text/html; charset=utf-8")
                        .end("<!DOCTYPE html><html lang=\"en\"><head><title>Course Portal</title></head>"
                                + "<body><h1>Signed in to Course Portal</h1></body></html>");
            });
        });
        self[0] = new CallbackServer(vertx, server);
        server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return self[0];
    }

    String url() {
        return "http://127.0.0.1:" + server.actualPort() + PATH;
    }

    /** The parameters of the next request to arrive, waiting up to ten seconds. */
    Map<String, String> next() throws InterruptedException {
        Map<String, String> params = arrivals.poll(10, TimeUnit.SECONDS);
        if (params == null) {
            throw new AssertionError("nothing arrived at " + url());
        }
        return params;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}

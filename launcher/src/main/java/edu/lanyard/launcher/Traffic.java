package edu.lanyard.launcher;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether this process still wants traffic, and how many requests it is answering. Shared by every HTTP verticle,
 * the readiness check and the shutdown: once a stop begins, readiness fails (a load balancer takes the node out)
 * and every answer carries {@code Connection: close}, so clients leave their kept-alive connections while the port
 * is still open, instead of sending a request down one just as the server closes it.
 */
final class Traffic {
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** The first handler of every route: counts the request until its answer is sent or its connection is gone. */
    Handler<RoutingContext> tracker() {
        return ctx -> {
            inFlight.incrementAndGet();
            ctx.addEndHandler(ended -> inFlight.decrementAndGet());
            if (stopping.get()) {
                ctx.response().putHeader("Connection", "close");
            }
            ctx.next();
        };
    }

    /** Readiness' own check: fails from the moment a stop begins. */
    Future<?> check() {
        return stopping.get() ? Future.failedFuture("stopping: send no more requests here")
                : Future.succeededFuture();
    }

    /** Answers true the first time only. */
    boolean stop() {
        return stopping.compareAndSet(false, true);
    }

    boolean stopping() {
        return stopping.get();
    }

    int inFlight() {
        return inFlight.get();
    }
}

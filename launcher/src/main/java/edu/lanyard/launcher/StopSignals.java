package edu.lanyard.launcher;

import edu.lanyard.core.logging.LogRedactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntSupplier;

/**
 * Turns SIGTERM and SIGINT into one orderly stop whose result is the exit code. The JVM's default reaction (shutdown
 * hooks, all at once, then exit 143) can neither order the stages nor exit 0; a shutdown hook is kept only for the
 * other ways a JVM ends (System.exit elsewhere, SIGHUP). A second Ctrl-C stops at once; a second SIGTERM is ignored.
 */
final class StopSignals {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private final IntSupplier stop;
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();

    private StopSignals(IntSupplier stop) {
        this.stop = stop;
    }

    /** Handles the signals from now on; {@code stop} runs once and answers the exit code. */
    static StopSignals install(IntSupplier stop) {
        StopSignals signals = new StopSignals(stop);
        for (String name : new String[]{"TERM", "INT"}) {
            try {
                Signal.handle(new Signal(name), signals::received);
            } catch (IllegalArgumentException unavailable) {
                // -Xrs, or a platform without it: the shutdown hook below still stops the node, in its own order
                LOG.debug("cannot handle SIG{}: {}", name, unavailable.getMessage());
            }
        }
        Runtime.getRuntime().addShutdownHook(new Thread(signals::exiting, "lanyard-stop-at-exit"));
        return signals;
    }

    /** Blocks until a signal's stop has run; answers its exit code. */
    int awaitExitCode() throws InterruptedException {
        try {
            return exitCode.get();
        } catch (ExecutionException e) {
            return 1;
        }
    }

    /** On the JVM's signal-dispatch thread, which may block as long as the stop takes. */
    private void received(Signal signal) {
        if (!begun.compareAndSet(false, true)) {
            if ("INT".equals(signal.getName())) {
                LOG.warn("shutdown: second SIGINT: stopping at once, without finishing the requests in flight");
                Runtime.getRuntime().halt(130);
            }
            LOG.info("shutdown: SIG{} received again; already stopping", signal.getName());
            return;
        }
        LOG.info("shutdown: SIG{} received", signal.getName());
        exitCode.complete(runStop());
    }

    /** The JVM is exiting some other way: stop the node first, unless a signal already did. */
    private void exiting() {
        if (begun.compareAndSet(false, true)) {
            runStop();
        }
    }

    private int runStop() {
        try {
            return stop.getAsInt();
        } catch (RuntimeException | Error e) {
            LOG.error("shutdown: failed: {}", LogRedactor.redact(e.toString()));
            return 1;
        }
    }
}

package edu.lanyard.core.store;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class QuietKeysMemoTest {
    private static final long NOW = 1_900_000_000L;

    /** A cluster that counts its lookups and, when told to, answers them only when the test says so. */
    private static final class CountingWindows implements AuthFailureWindows {
        final Map<String, Window> windows = new HashMap<>();
        final List<Promise<Optional<Window>>> pending = new ArrayList<>();
        int lookups;
        boolean answerAtOnce = true;

        @Override
        public Future<Window> countFailure(String key, long now, long windowSeconds) {
            Window window = windows.merge(key, new Window(now, now + windowSeconds, 1),
                    (old, one) -> new Window(old.startedAt(), old.endsAt(), old.failures() + 1));
            return Future.succeededFuture(window);
        }

        @Override
        public Future<Optional<Window>> open(String key, long now) {
            lookups++;
            Optional<Window> window = Optional.ofNullable(windows.get(key)).filter(w -> w.openAt(now));
            if (answerAtOnce) {
                return Future.succeededFuture(window);
            }
            Promise<Optional<Window>> promise = Promise.promise();
            pending.add(promise);
            return promise.future();
        }
    }

    private final CountingWindows cluster = new CountingWindows();
    private final QuietKeysMemo memo = new QuietKeysMemo(cluster);

    @Test
    void aQuietKeyIsAskedOfTheClusterOncePerSecond() {
        assertTrue(memo.open("client:a", NOW).result().isEmpty());
        assertTrue(memo.open("client:a", NOW).result().isEmpty());
        assertTrue(memo.open("client:a", NOW).result().isEmpty());
        assertEquals(1, cluster.lookups);
        assertTrue(memo.open("client:a", NOW + 1).result().isEmpty());
        assertEquals(2, cluster.lookups, "the next second asks again");
    }

    @Test
    void aFailureCountedHereIsSeenAtOnce() {
        memo.open("ip:192.0.2.7", NOW);
        memo.countFailure("ip:192.0.2.7", NOW, 60);
        assertEquals(1, memo.open("ip:192.0.2.7", NOW).result().orElseThrow().failures());
        assertEquals(2, cluster.lookups);
    }

    @Test
    void aKeyWithAWindowIsNeverRemembered() {
        cluster.countFailure("client:b", NOW, 60);
        memo.open("client:b", NOW);
        memo.open("client:b", NOW);
        assertEquals(2, cluster.lookups);
    }

    @Test
    void aLookupThatRacedAFailureIsNotRemembered() {
        cluster.answerAtOnce = false;
        Future<Optional<AuthFailureWindows.Window>> racing = memo.open("client:c", NOW);
        memo.countFailure("client:c", NOW, 60);
        cluster.pending.get(0).complete(Optional.empty());   // read before the failure landed
        assertTrue(racing.result().isEmpty());
        cluster.answerAtOnce = true;
        assertEquals(1, memo.open("client:c", NOW).result().orElseThrow().failures());
    }

    @Test
    void manyDistinctKeysStartTheMemoryOver() {
        for (int i = 0; i <= QuietKeysMemo.MAX_KEYS; i++) {
            memo.open("ip:" + i, NOW);
        }
        int before = cluster.lookups;
        memo.open("ip:0", NOW);
        assertEquals(before + 1, cluster.lookups, "the memory was cleared when it filled");
    }
}

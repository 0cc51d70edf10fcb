package edu.lanyard.projection.rows;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.Map;

/** Per-client counts for one minute. Counts add up, so they are written only under the offset fence. */
public record ClientMinute(String clientId, Instant minute, Map<ClientCounter, Long> counts) {

    public record Key(String clientId, Instant minute) {
    }

    public ClientMinute {
        EnumMap<ClientCounter, Long> copy = new EnumMap<>(ClientCounter.class);
        for (ClientCounter counter : ClientCounter.values()) {
            copy.put(counter, counts.getOrDefault(counter, 0L));
        }
        counts = copy;
    }

    static ClientMinute one(String clientId, Instant at, ClientCounter counter) {
        return new ClientMinute(clientId, at.truncatedTo(ChronoUnit.MINUTES), Map.of(counter, 1L));
    }

    public Key key() {
        return new Key(clientId, minute);
    }

    public long count(ClientCounter counter) {
        return counts.get(counter);
    }

    public ClientMinute plus(ClientMinute other) {
        EnumMap<ClientCounter, Long> sum = new EnumMap<>(ClientCounter.class);
        for (ClientCounter counter : ClientCounter.values()) {
            sum.put(counter, count(counter) + other.count(counter));
        }
        return new ClientMinute(clientId, minute, sum);
    }
}

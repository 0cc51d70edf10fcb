package edu.lanyard.cluster.hazelcast;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.core.DistributedObjectEvent;
import com.hazelcast.core.DistributedObjectListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * This process's view of the Hazelcast cluster: how many members it sees (a rolling restart, a partition or a pod
 * that never joined shows here first) and, on a member, how many entries of each {@code lanyard.*} map it owns
 * (backups not counted: the sum over members is the map's size). A client owns nothing and reports members only.
 */
public final class HazelcastMeters implements AutoCloseable {
    static final String MAP_PREFIX = "lanyard.";

    private final HazelcastInstance hazelcast;
    private final MeterRegistry meters;
    private final Set<String> watched = ConcurrentHashMap.newKeySet();
    private volatile UUID listener;

    private HazelcastMeters(HazelcastInstance hazelcast, MeterRegistry meters) {
        this.hazelcast = hazelcast;
        this.meters = meters;
    }

    /**
     * Registers the gauges; maps created later (a store opened after the start) get theirs when they appear. Reading
     * them is local to this member (no cluster call), cheap enough for every scrape.
     */
    public static HazelcastMeters bind(HazelcastInstance hazelcast, MeterRegistry meters, boolean member) {
        Gauge.builder("lanyard.hazelcast.members", hazelcast, h -> h.getCluster().getMembers().size())
                .description("Members of the Hazelcast cluster as this process sees them")
                .strongReference(true)
                .register(meters);
        HazelcastMeters binder = new HazelcastMeters(hazelcast, meters);
        if (!member) {
            return binder;
        }
        binder.listener = hazelcast.addDistributedObjectListener(new DistributedObjectListener() {
            @Override
            public void distributedObjectCreated(DistributedObjectEvent event) {
                binder.watch(event.getDistributedObject());
            }

            @Override
            public void distributedObjectDestroyed(DistributedObjectEvent event) {
                // Lanyard never destroys its lanyard.* maps while it runs
            }
        });
        hazelcast.getDistributedObjects().forEach(binder::watch);
        return binder;
    }

    /** Stops watching for new maps (the node closes; the member may live on in a test). */
    @Override
    public void close() {
        UUID id = listener;
        if (id != null && hazelcast.getLifecycleService().isRunning()) {
            hazelcast.removeDistributedObjectListener(id);
        }
    }

    private void watch(DistributedObject object) {
        if (!(object instanceof IMap<?, ?>) || !object.getName().startsWith(MAP_PREFIX)
                || !watched.add(object.getName())) {
            return;
        }
        IMap<?, ?> map = hazelcast.getMap(object.getName());
        Gauge.builder("lanyard.hazelcast.map.entries", map, m -> m.getLocalMapStats().getOwnedEntryCount())
                .description("Entries of a lanyard.* Hazelcast map owned by this member (backups not counted)")
                .tag("map", object.getName())
                .strongReference(true)
                .register(meters);
    }
}

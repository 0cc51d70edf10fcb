package edu.lanyard.cluster.jose;

import com.hazelcast.core.EntryEvent;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryEvictedListener;
import com.hazelcast.map.listener.EntryExpiredListener;
import com.hazelcast.map.listener.EntryMergedListener;
import com.hazelcast.map.listener.EntryRemovedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import edu.lanyard.core.crypto.EnvelopeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.util.concurrent.atomic.AtomicReference;

/** Keeps a member's in-memory {@link KeyRing} in step with the cluster map. */
final class KeyRingListener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String>,
        EntryMergedListener<String, String>, EntryRemovedListener<String, String>,
        EntryExpiredListener<String, String>, EntryEvictedListener<String, String> {

    private static final Logger LOG = LoggerFactory.getLogger(KeyRingListener.class);

    private final AtomicReference<KeyRing> ring;
    private final SigningKeyCodec codec;

    KeyRingListener(AtomicReference<KeyRing> ring, SigningKeyCodec codec) {
        this.ring = ring;
        this.codec = codec;
    }

    @Override
    public void entryAdded(EntryEvent<String, String> event) {
        apply(event);
    }

    @Override
    public void entryUpdated(EntryEvent<String, String> event) {
        apply(event);
    }

    @Override
    public void entryMerged(EntryEvent<String, String> event) {
        apply(event);
    }

    @Override
    public void entryRemoved(EntryEvent<String, String> event) {
        drop(event);
    }

    @Override
    public void entryExpired(EntryEvent<String, String> event) {
        drop(event);
    }

    @Override
    public void entryEvicted(EntryEvent<String, String> event) {
        drop(event);
    }

    private void apply(EntryEvent<String, String> event) {
        try {
            SigningKeyEntry entry = codec.decode(event.getValue()).entry();
            ring.updateAndGet(current -> current.with(entry));
        } catch (ParseException e) {
            LOG.error("ignoring unreadable signing key {} in {}: {}", event.getKey(), SigningKeys.MAP_NAME,
                    e.getMessage());
        } catch (EnvelopeException e) {
            // Another member sealed it under a master key this one lacks (a rotation rolled out in one step): keep
            // what this member knew of the key; its next start will say which master key to add.
            LOG.error("cannot open signing key {} written by another member: {}", event.getKey(), e.getMessage());
        }
    }

    private void drop(EntryEvent<String, String> event) {
        ring.updateAndGet(current -> current.without(event.getKey()));
    }
}

package edu.lanyard.cluster.jose;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import edu.lanyard.core.crypto.EnvelopeException;
import edu.lanyard.core.crypto.MasterKeys;
import edu.lanyard.core.jose.SigningKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The server's signing key ring, shared by every member through the Hazelcast map {@value #MAP_NAME} (key: kid,
 * value: the entry as {@link SigningKeyCodec} writes it: lifecycle and public JWK in clear, the private JWK sealed
 * under the master key). Reads are served from an in-memory snapshot, decrypted, that an entry listener keeps
 * current; every method that talks to Hazelcast blocks and must not run on an event loop.
 *
 * <p>Joining refuses to start when a stored key cannot be opened with the master keys given (rather than ignoring
 * it and generating new keys, which would leave the tokens it signed unverifiable on this member).
 */
public final class SigningKeys implements SigningKeyRing, AutoCloseable {

    public static final String MAP_NAME = "lanyard.signing-keys";
    public static final List<JWSAlgorithm> ALGORITHMS = SigningKeyRing.ALGORITHMS;

    private static final Logger LOG = LoggerFactory.getLogger(SigningKeys.class);
    /** Not a kid: '~' never occurs in a base64url thumbprint. */
    private static final String RING_LOCK = "~ring-lock";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    /** Bounds how long a stalled holder can block the others; generation and rotation take well under a second. */
    private static final Duration LOCK_LEASE = Duration.ofMinutes(2);

    private final IMap<String, String> map;
    private final AtomicReference<KeyRing> ring;
    private final UUID listenerId;
    private final Clock clock;
    private final SigningKeyCodec codec;

    private SigningKeys(IMap<String, String> map, AtomicReference<KeyRing> ring, UUID listenerId, Clock clock,
                        SigningKeyCodec codec) {
        this.map = map;
        this.ring = ring;
        this.listenerId = listenerId;
        this.clock = clock;
        this.codec = codec;
    }

    /**
     * Subscribes to the cluster's ring and creates the keys it lacks. Blocking: call at startup.
     *
     * @param clock      dates new keys, rotations and what the JWKS still publishes
     * @param masterKeys seals the private keys this member writes and opens those it reads
     * @throws IllegalStateException a stored key cannot be opened with {@code masterKeys}
     */
    public static SigningKeys join(HazelcastInstance hazelcast, Clock clock, MasterKeys masterKeys) {
        IMap<String, String> map = hazelcast.getMap(MAP_NAME);
        AtomicReference<KeyRing> ring = new AtomicReference<>(KeyRing.EMPTY);
        SigningKeyCodec codec = new SigningKeyCodec(masterKeys);
        // Listen before the first read so no change falls between the read and the subscription.
        UUID listenerId = map.addEntryListener(new KeyRingListener(ring, codec), true);
        SigningKeys keys = new SigningKeys(map, ring, listenerId, clock, codec);
        try {
            keys.underRingLock(() -> {
                keys.addMissingCurrentKeys();
                return null;
            });
            ring.updateAndGet(known -> known.with(entries(keys.readCluster())));
            keys.requireKeyForEveryAlgorithm();
            return keys;
        } catch (RuntimeException e) {
            keys.close();
            throw e;
        }
    }

    /** The key to sign with now. In-memory only; safe on an event loop. */
    @Override
    public JWK current(JWSAlgorithm algorithm) {
        JWK key = ring.get().signingKey(algorithm);
        if (key == null) {
            throw new IllegalArgumentException("no signing key for " + algorithm + "; supported: " + ALGORITHMS);
        }
        return key;
    }

    /** Public parts of the current keys and of retired keys still inside their retention. In-memory only. */
    public JWKSet publicJwks() {
        return new JWKSet(ring.get().publishedAt(clock.instant()));
    }

    /**
     * Makes new current keys for every algorithm on the whole cluster. The old keys stay published for
     * {@code retainOldFor}, which should exceed the longest lifetime of a token they signed, then are deleted.
     */
    public void rotate(Duration retainOldFor) {
        requireNotNegative(retainOldFor);
        underRingLock(() -> {
            rotateLocked(retainOldFor);
            return null;
        });
    }

    /**
     * Rotates unless a member already did so within {@code maxAge}; every member may call this on a timer and the
     * cluster still rotates once per period.
     *
     * @return whether this call rotated
     */
    public boolean rotateIfOlderThan(Duration maxAge, Duration retainOldFor) {
        requireNotNegative(maxAge);
        requireNotNegative(retainOldFor);
        return underRingLock(() -> {
            Instant dueBefore = clock.instant().minus(maxAge);
            List<SigningKeyEntry> cluster = entries(readCluster());
            boolean due = ALGORITHMS.stream().anyMatch(algorithm -> newestCurrent(cluster, algorithm)
                    .map(entry -> entry.created().isBefore(dueBefore))
                    .orElse(true));
            if (due) {
                rotateLocked(retainOldFor);
            }
            return due;
        });
    }

    /** What an operator may know of one stored key: never the key. */
    public record StoredKey(String kid, String algorithm, String state, Instant created, Instant retireUntil,
                            String sealedUnder) {
        /** Shown for an entry still in clear, written before encryption at rest. */
        public static final String CLEAR = "clear";
    }

    /** The outcome of {@link #rewrap()}. */
    public record Rewrap(String masterKey, int keys, int rewrapped) {
    }

    /** The id of the master key this member seals with. */
    public String masterKeyId() {
        return codec.currentMasterKeyId();
    }

    /** The stored keys and the master key each is sealed under ({@value StoredKey#CLEAR} if none). Blocking. */
    public List<StoredKey> stored() {
        return readCluster().stream()
                .map(decoded -> {
                    SigningKeyEntry entry = decoded.entry();
                    return new StoredKey(entry.kid(), entry.algorithm().getName(), entry.state().name().toLowerCase(),
                            entry.created(), entry.retireUntil(),
                            decoded.inClear() ? StoredKey.CLEAR : decoded.sealedUnder());
                })
                .sorted(Comparator.comparing(StoredKey::created).thenComparing(StoredKey::kid))
                .toList();
    }

    /**
     * Re-seals every stored key that is not yet under the current master key (those under a previous key and those
     * still in clear) and writes it back, on the whole cluster and, written through, in Postgres. A retired key
     * keeps its time to live. Afterwards no stored key needs a previous master key, which can then be removed.
     * Blocking; idempotent.
     */
    public Rewrap rewrap() {
        return underRingLock(() -> {
            Instant now = clock.instant();
            List<SigningKeyCodec.Decoded> stored = readCluster();
            int rewrapped = 0;
            for (SigningKeyCodec.Decoded decoded : stored) {
                if (codec.currentMasterKeyId().equals(decoded.sealedUnder())) {
                    continue;
                }
                SigningKeyEntry entry = decoded.entry();
                if (entry.isCurrent()) {
                    map.set(entry.kid(), codec.encode(entry));
                } else {
                    long ttlMillis = Duration.between(now, entry.retireUntil()).toMillis();
                    if (ttlMillis <= 0) {
                        continue;   // leaving the ring anyway; a TTL of 0 would keep it for ever
                    }
                    map.set(entry.kid(), codec.encode(entry), ttlMillis, TimeUnit.MILLISECONDS);
                }
                rewrapped++;
            }
            LOG.info("re-sealed {} of {} signing keys under master key {}", rewrapped, stored.size(),
                    codec.currentMasterKeyId());
            return new Rewrap(codec.currentMasterKeyId(), stored.size(), rewrapped);
        });
    }

    @Override
    public void close() {
        map.removeEntryListener(listenerId);
    }

    private void requireKeyForEveryAlgorithm() {
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            if (ring.get().signingKey(algorithm) == null) {
                throw new IllegalStateException("the signing key ring has no " + algorithm + " key after joining");
            }
        }
    }

    private void addMissingCurrentKeys() {
        List<SigningKeyEntry> cluster = entries(readCluster());
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            if (newestCurrent(cluster, algorithm).isEmpty()) {
                store(SigningKeyEntry.current(SigningKeyGenerator.generate(algorithm), algorithm, clock.instant()));
                LOG.info("generated the first {} signing key of the cluster", algorithm);
            }
        }
    }

    private void rotateLocked(Duration retainOldFor) {
        List<SigningKeyEntry> before = entries(readCluster());
        Instant now = clock.instant();
        // New keys first: a member that sees the old key retired before the new one exists would have none to use.
        for (JWSAlgorithm algorithm : ALGORITHMS) {
            store(SigningKeyEntry.current(SigningKeyGenerator.generate(algorithm), algorithm,
                    creationTimeAfter(before, algorithm, now)));
        }
        for (SigningKeyEntry old : before) {
            if (old.isCurrent()) {
                retire(old, now.plus(retainOldFor), retainOldFor);
            }
        }
        LOG.info("rotated the signing keys; old keys stay published for {}", retainOldFor);
    }

    /** Newest must mean newest even when this member's clock is behind the one that made the previous key. */
    private static Instant creationTimeAfter(List<SigningKeyEntry> cluster, JWSAlgorithm algorithm, Instant now) {
        return cluster.stream()
                .filter(entry -> entry.algorithm().equals(algorithm))
                .map(SigningKeyEntry::created)
                .max(Comparator.naturalOrder())
                .map(newest -> newest.isBefore(now) ? now : newest.plusMillis(1))
                .orElse(now);
    }

    private void store(SigningKeyEntry entry) {
        map.set(entry.kid(), codec.encode(entry));
        ring.updateAndGet(known -> known.with(entry));
    }

    private void retire(SigningKeyEntry entry, Instant until, Duration retainOldFor) {
        long ttlMillis = retainOldFor.toMillis();
        // A TTL of 0 means "never expire" to Hazelcast.
        if (ttlMillis == 0) {
            map.delete(entry.kid());
            ring.updateAndGet(known -> known.without(entry.kid()));
            return;
        }
        SigningKeyEntry retired = entry.retire(until);
        map.set(retired.kid(), codec.encode(retired), ttlMillis, TimeUnit.MILLISECONDS);
        ring.updateAndGet(known -> known.with(retired));
    }

    /**
     * Every entry of the map, opened. An entry that is not a signing key at all is logged and skipped, as before
     * encryption at rest; one that cannot be opened stops the caller: see {@link #unopenable}.
     */
    private List<SigningKeyCodec.Decoded> readCluster() {
        List<SigningKeyCodec.Decoded> entries = new ArrayList<>();
        Map<String, List<String>> unopenable = new TreeMap<>();   // why → kids
        map.forEach((kid, json) -> {
            try {
                entries.add(codec.decode(json));
            } catch (ParseException e) {
                LOG.error("ignoring unreadable signing key {} in {}: {}", kid, MAP_NAME, e.getMessage());
            } catch (EnvelopeException e) {
                unopenable.computeIfAbsent(e.getMessage(), why -> new ArrayList<>()).add(kid);
            }
        });
        if (!unopenable.isEmpty()) {
            throw unopenable(unopenable);
        }
        return entries;
    }

    static IllegalStateException unopenable(Map<String, List<String>> kidsByReason) {
        int count = kidsByReason.values().stream().mapToInt(List::size).sum();
        String reasons = kidsByReason.entrySet().stream()
                .map(reason -> reason.getKey() + ": " + String.join(", ", reason.getValue()))
                .collect(Collectors.joining("; "));
        return new IllegalStateException("cannot open " + count + " signing key(s) of " + MAP_NAME + ", " + reasons
                + ". Give this node the master key they were sealed under, as keys.masterKey or in"
                + " keys.previousMasterKeys (docs/deployment.md, Keys and secrets at rest)");
    }

    private static List<SigningKeyEntry> entries(List<SigningKeyCodec.Decoded> decoded) {
        return decoded.stream().map(SigningKeyCodec.Decoded::entry).toList();
    }

    private static Optional<SigningKeyEntry> newestCurrent(List<SigningKeyEntry> cluster, JWSAlgorithm algorithm) {
        return cluster.stream()
                .filter(entry -> entry.isCurrent() && entry.algorithm().equals(algorithm))
                .max(Comparator.comparing(SigningKeyEntry::created));
    }

    private <T> T underRingLock(Supplier<T> work) {
        boolean locked;
        try {
            locked = map.tryLock(RING_LOCK, LOCK_WAIT.toMillis(), TimeUnit.MILLISECONDS,
                    LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the signing key ring lock", e);
        }
        if (!locked) {
            throw new IllegalStateException("another member held the signing key ring lock for over " + LOCK_WAIT);
        }
        try {
            return work.get();
        } finally {
            map.unlock(RING_LOCK);
        }
    }

    private static void requireNotNegative(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }
}

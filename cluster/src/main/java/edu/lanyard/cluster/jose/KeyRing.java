package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** An immutable snapshot of the signing keys, with the current key per algorithm precomputed for the hot path. */
final class KeyRing {

    /**
     * Newest current key wins. Two current keys for one algorithm exist briefly during a rotation (the new key is
     * written before the old one is retired) and after a split-brain merge; events can also arrive out of order, so
     * a retired key stands in only while no current one is known.
     */
    private static final Comparator<SigningKeyEntry> SIGNING_PREFERENCE = Comparator
            .comparing(SigningKeyEntry::isCurrent)
            .thenComparing(SigningKeyEntry::created)
            .thenComparing(SigningKeyEntry::kid);

    static final KeyRing EMPTY = new KeyRing(Map.of());

    private final Map<String, SigningKeyEntry> byKid;
    private final Map<JWSAlgorithm, JWK> signingKeyByAlgorithm;

    private KeyRing(Map<String, SigningKeyEntry> byKid) {
        this.byKid = Map.copyOf(byKid);
        this.signingKeyByAlgorithm = byKid.values().stream().collect(Collectors.groupingBy(
                SigningKeyEntry::algorithm,
                Collectors.collectingAndThen(Collectors.maxBy(SIGNING_PREFERENCE), best -> best.orElseThrow().jwk())));
    }

    /** Null when the ring has no key for the algorithm. */
    JWK signingKey(JWSAlgorithm algorithm) {
        return signingKeyByAlgorithm.get(algorithm);
    }

    /** Retirement only goes forward, so a stale copy of an entry never undoes a newer one whatever the order. */
    KeyRing with(Collection<SigningKeyEntry> entries) {
        Map<String, SigningKeyEntry> next = new HashMap<>(byKid);
        for (SigningKeyEntry entry : entries) {
            next.merge(entry.kid(), entry, (known, incoming) -> known.isCurrent() ? incoming : known);
        }
        return new KeyRing(next);
    }

    KeyRing with(SigningKeyEntry entry) {
        return with(List.of(entry));
    }

    KeyRing without(String kid) {
        if (!byKid.containsKey(kid)) {
            return this;
        }
        Map<String, SigningKeyEntry> next = new HashMap<>(byKid);
        next.remove(kid);
        return new KeyRing(next);
    }

    /** Public parts of the keys a verifier may meet at {@code now}: current first, then newest first. */
    List<JWK> publishedAt(Instant now) {
        return byKid.values().stream()
                .filter(entry -> entry.isPublishedAt(now))
                .sorted(SIGNING_PREFERENCE.reversed())
                .map(entry -> entry.jwk().toPublicJWK())
                .toList();
    }
}

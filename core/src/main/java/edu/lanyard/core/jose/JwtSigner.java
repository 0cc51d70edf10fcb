package edu.lanyard.core.jose;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.factories.DefaultJWSSignerFactory;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.OctetKeyPair;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import edu.lanyard.core.crypto.NativeCrypto;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Signs JWTs with the ring's current key for the requested algorithm. Thread-safe, no I/O. */
public final class JwtSigner {

    /** Typ of RFC 9068 JWT access tokens. */
    public static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");
    /** Typ of OIDC ID tokens. */
    public static final JOSEObjectType ID_TOKEN = JOSEObjectType.JWT;

    /** Only keys of recent rotations are ever asked for, so a small bound with a full reset is enough. */
    private static final int MAX_CACHED_SIGNERS = 4 * SigningKeyRing.ALGORITHMS.size();

    private final SigningKeyRing keys;
    private final DefaultJWSSignerFactory signerFactory = new DefaultJWSSignerFactory();
    /**
     * Turning a JWK into a JCA or Tink key costs more than a signature; reuse it per kid. Made after the native
     * provider was installed (at node start), so RS256 and ES256 sign through it; EdDSA needs its own JCA signer,
     * nimbus's being Tink's Java code.
     */
    private final Map<String, JWSSigner> signersByKid = new ConcurrentHashMap<>();

    public JwtSigner(SigningKeyRing keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @return the compact serialization, header carrying {@code alg}, {@code kid} and {@code typ}
     * @throws IllegalArgumentException if {@code alg} is not one of {@link SigningKeyRing#ALGORITHMS}
     */
    public String sign(JWTClaimsSet claims, JWSAlgorithm alg, JOSEObjectType type) {
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(type, "type");
        if (!SigningKeyRing.ALGORITHMS.contains(alg)) {
            throw new IllegalArgumentException("unsupported signing algorithm: " + alg
                    + "; supported: " + SigningKeyRing.ALGORITHMS);
        }
        JWK key = keys.current(alg);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(type).build(), claims);
        try {
            jwt.sign(signerFor(key, alg));
        } catch (JOSEException e) {
            throw new IllegalStateException("signing with " + alg + " key " + key.getKeyID() + " failed", e);
        }
        return jwt.serialize();
    }

    private JWSSigner signerFor(JWK key, JWSAlgorithm alg) {
        if (signersByKid.size() > MAX_CACHED_SIGNERS) {
            signersByKid.clear();
        }
        return signersByKid.computeIfAbsent(key.getKeyID(), kid -> {
            try {
                if (key instanceof OctetKeyPair okp && NativeCrypto.active()) {
                    return new JcaEd25519Signer(okp);
                }
                return signerFactory.createJWSSigner(key, alg);
            } catch (JOSEException e) {
                throw new IllegalStateException("cannot make a " + alg + " signer for key " + kid, e);
            }
        });
    }
}

package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;
import edu.lanyard.core.crypto.Envelope;
import edu.lanyard.core.crypto.EnvelopeException;
import edu.lanyard.core.crypto.MasterKeys;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a {@link SigningKeyEntry} is stored: in the Hazelcast map {@value SigningKeys#MAP_NAME} and, written through,
 * in Postgres' {@code signing_keys}. The lifecycle and the public JWK are in clear (the write-through reads
 * {@code retireUntil}; operators may read which keys exist); the private JWK is only in {@code sealed}, an
 * {@link Envelope} under the master key with the kid as associated data, opened in this process's memory alone.
 *
 * <pre>{"alg":"ES256","created":"…","state":"current","jwk":{public JWK},"sealed":{"v":1,"enc":"A256GCM",…}}</pre>
 *
 * <p>An entry without {@code sealed} was written by a Lanyard before encryption at rest: its {@code jwk} holds the
 * private key in clear. It is read as it is, and sealed when it is next written (rotation) or by
 * {@link SigningKeys#rewrap()}.
 */
final class SigningKeyCodec {
    static final String PURPOSE = "signing-key";

    private final MasterKeys masterKeys;

    SigningKeyCodec(MasterKeys masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** One stored entry read back, and the master key it was sealed under (null: stored in clear). */
    record Decoded(SigningKeyEntry entry, String sealedUnder) {
        boolean inClear() {
            return sealedUnder == null;
        }
    }

    String currentMasterKeyId() {
        return masterKeys.currentId();
    }

    String encode(SigningKeyEntry entry) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", entry.algorithm().getName());
        json.put("created", entry.created().toString());
        json.put("state", entry.state().name().toLowerCase());
        if (entry.retireUntil() != null) {
            json.put("retireUntil", entry.retireUntil().toString());
        }
        json.put("jwk", entry.jwk().toPublicJWK().toJSONObject());
        byte[] privateJwk = JSONObjectUtils.toJSONString(entry.jwk().toJSONObject()).getBytes(StandardCharsets.UTF_8);
        try {
            json.put("sealed", Envelope.seal(masterKeys, PURPOSE, entry.kid(), privateJwk).toJson());
        } finally {
            Arrays.fill(privateJwk, (byte) 0);
        }
        return JSONObjectUtils.toJSONString(json);
    }

    /**
     * @throws ParseException    not a signing key entry at all
     * @throws EnvelopeException a sealed entry this process cannot open (no such master key, or altered)
     */
    Decoded decode(String text) throws ParseException, EnvelopeException {
        Map<String, Object> json = JSONObjectUtils.parse(text);
        Map<String, Object> sealed = JSONObjectUtils.getJSONObject(json, "sealed");
        JWK stored = JWK.parse(JSONObjectUtils.getJSONObject(json, "jwk"));
        JWK jwk = stored;
        String sealedUnder = null;
        if (sealed != null) {
            if (stored.getKeyID() == null) {
                throw new ParseException("a sealed signing key entry without a kid", 0);
            }
            Envelope.Sealed value = Envelope.Sealed.fromJson(sealed);
            byte[] opened = Envelope.open(masterKeys, PURPOSE, stored.getKeyID(), value);
            try {
                jwk = JWK.parse(new String(opened, StandardCharsets.UTF_8));
            } finally {
                Arrays.fill(opened, (byte) 0);
            }
            if (!jwk.toPublicJWK().equals(stored.toPublicJWK())) {
                throw new ParseException("the sealed key of " + stored.getKeyID() + " is not the one its public"
                        + " part names", 0);
            }
            sealedUnder = value.masterKeyId();
        }
        String retireUntil = JSONObjectUtils.getString(json, "retireUntil");
        try {
            return new Decoded(new SigningKeyEntry(jwk,
                    JWSAlgorithm.parse(JSONObjectUtils.getString(json, "alg")),
                    Instant.parse(JSONObjectUtils.getString(json, "created")),
                    SigningKeyEntry.State.valueOf(JSONObjectUtils.getString(json, "state").toUpperCase()),
                    retireUntil == null ? null : Instant.parse(retireUntil)), sealedUnder);
        } catch (RuntimeException e) {
            ParseException parseException = new ParseException("malformed signing key entry: " + e.getMessage(), 0);
            parseException.initCause(e);
            throw parseException;
        }
    }
}

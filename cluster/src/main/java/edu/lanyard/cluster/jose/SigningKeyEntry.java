package edu.lanyard.cluster.jose;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One key of the signing ring as stored in Hazelcast: the private JWK plus its lifecycle.
 *
 * @param retireUntil when a retired key leaves the published JWKS; null while the key is current
 */
record SigningKeyEntry(JWK jwk, JWSAlgorithm algorithm, Instant created, State state, Instant retireUntil) {

    enum State { CURRENT, RETIRED }

    SigningKeyEntry {
        Objects.requireNonNull(jwk, "jwk");
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(state, "state");
        if (jwk.getKeyID() == null || !jwk.isPrivate()) {
            throw new IllegalArgumentException("a signing key needs a kid and its private part");
        }
        if ((state == State.RETIRED) != (retireUntil != null)) {
            throw new IllegalArgumentException("retireUntil is set exactly when the key is retired");
        }
    }

    static SigningKeyEntry current(JWK jwk, JWSAlgorithm algorithm, Instant created) {
        return new SigningKeyEntry(jwk, algorithm, created, State.CURRENT, null);
    }

    SigningKeyEntry retire(Instant until) {
        return new SigningKeyEntry(jwk, algorithm, created, State.RETIRED, until);
    }

    String kid() {
        return jwk.getKeyID();
    }

    boolean isCurrent() {
        return state == State.CURRENT;
    }

    boolean isPublishedAt(Instant now) {
        return isCurrent() || now.isBefore(retireUntil);
    }

    String toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("alg", algorithm.getName());
        json.put("created", created.toString());
        json.put("state", state.name().toLowerCase());
        if (retireUntil != null) {
            json.put("retireUntil", retireUntil.toString());
        }
        json.put("jwk", jwk.toJSONObject());
        return JSONObjectUtils.toJSONString(json);
    }

    static SigningKeyEntry fromJson(String text) throws ParseException {
        Map<String, Object> json = JSONObjectUtils.parse(text);
        String retireUntil = JSONObjectUtils.getString(json, "retireUntil");
        try {
            return new SigningKeyEntry(
                    JWK.parse(JSONObjectUtils.getJSONObject(json, "jwk")),
                    JWSAlgorithm.parse(JSONObjectUtils.getString(json, "alg")),
                    Instant.parse(JSONObjectUtils.getString(json, "created")),
                    State.valueOf(JSONObjectUtils.getString(json, "state").toUpperCase()),
                    retireUntil == null ? null : Instant.parse(retireUntil));
        } catch (RuntimeException e) {
            ParseException parseException = new ParseException("malformed signing key entry: " + e.getMessage(), 0);
            parseException.initCause(e);
            throw parseException;
        }
    }
}

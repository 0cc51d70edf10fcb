package edu.lanyard.core.crypto;

import java.util.Locale;

/**
 * A stored password hash of one of the families Lanyard can verify: its own PBKDF2 and the formats campuses bring
 * from the systems they leave (bcrypt, Argon2, other PBKDF2 spellings, LDAP digests, bare hex digests).
 *
 * <p>{@link #parse} reads the text once and rejects what it cannot verify, so an import fails on a bad hash and a
 * sign-in never does. No message of this package quotes the hash: it is as sensitive as the data it was taken from.
 */
public sealed interface PasswordHash permits Pbkdf2Hash, BcryptHash, Argon2Hash, LdapDigestHash, HexDigestHash {

    /** Named in every "not a supported hash" message, so an operator sees the choices. */
    String ACCEPTED_FORMATS = "bcrypt ($2a$, $2b$, $2y$), PBKDF2 (pbkdf2-sha256$, $pbkdf2-sha256$, $pbkdf2-sha512$,"
            + " $pbkdf2$, Django pbkdf2_sha256$), Argon2 ($argon2id$, $argon2i$), LDAP ({SSHA}, {SHA}, {SSHA256},"
            + " {SSHA512}, {MD5}, {SMD5}) and hex digests (md5:, sha1:, sha256:, sha512:, salted <alg>:<salt>:<hex>"
            + " and <alg>-suffix:<salt>:<hex>)";

    /**
     * Reads a stored hash.
     *
     * @throws UnsupportedPasswordHashException the text is not a hash in a supported format, or is one with bad
     *                                          parts; the message names the family, never the hash
     */
    static PasswordHash parse(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw new UnsupportedPasswordHashException("the password hash is empty");
        }
        String lower = encoded.toLowerCase(Locale.ROOT);
        if (BcryptHash.looksLike(encoded)) {
            return BcryptHash.parse(encoded);
        }
        if (Argon2Hash.looksLike(encoded)) {
            return Argon2Hash.parse(encoded);
        }
        if (Pbkdf2Hash.looksLike(encoded)) {
            return Pbkdf2Hash.parse(encoded);
        }
        if (lower.startsWith("{")) {
            return LdapDigestHash.parse(encoded);
        }
        if (HexDigestHash.looksLike(encoded)) {
            return HexDigestHash.parse(encoded);
        }
        throw new UnsupportedPasswordHashException("not a supported password hash; accepted formats: "
                + ACCEPTED_FORMATS);
    }

    /**
     * Blocking (deliberately slow for every family but the legacy digests): true if {@code password} is the one this
     * hash was made from. Compares in constant time.
     */
    boolean verify(String password);

    /** True if this is the hash Lanyard would make today; false means: replace it at the next successful sign-in. */
    boolean isCurrent(HashPolicy policy);

    /** The family's name for logs and metrics (e.g. {@code bcrypt}); never any part of the hash. */
    String family();
}

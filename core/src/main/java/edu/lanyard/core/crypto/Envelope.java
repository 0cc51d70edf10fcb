package edu.lanyard.core.crypto;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Secrets at rest: AES-256-GCM under the current {@link MasterKeys master key}, a random 96-bit nonce per value, and
 * as associated data the purpose, the format version and the id of the record the secret belongs to (for a signing
 * key its kid). The associated data is not stored: a sealed value copied onto another record, or re-labelled with
 * another version, no longer opens.
 *
 * <p>Format version 1, as JSON: {@code {"v":1,"enc":"A256GCM","mk":<master key id>,"iv":<nonce>,"ct":<ciphertext
 * and 128-bit tag>}}, binary fields in unpadded base64url. A later format gets a new {@code v}; readers refuse
 * versions they do not know instead of guessing.
 */
public final class Envelope {
    public static final int VERSION = 1;
    static final String ENCRYPTION = "A256GCM";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {
    }

    /** One sealed secret: which format, which master key, the nonce and the ciphertext with its tag. */
    public record Sealed(int version, String masterKeyId, byte[] nonce, byte[] ciphertext) {
        public Sealed {
            Objects.requireNonNull(masterKeyId, "masterKeyId");
            nonce = nonce.clone();
            ciphertext = ciphertext.clone();
        }

        public Map<String, Object> toJson() {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("v", (long) version);
            json.put("enc", ENCRYPTION);
            json.put("mk", masterKeyId);
            json.put("iv", base64(nonce));
            json.put("ct", base64(ciphertext));
            return json;
        }

        /** Reads what {@link #toJson()} wrote. Not a check of authenticity: {@link #open} does that. */
        public static Sealed fromJson(Map<String, Object> json) throws EnvelopeException {
            try {
                Object version = json.get("v");
                if (!(version instanceof Number number) || number.intValue() != VERSION) {
                    throw new EnvelopeException(EnvelopeException.Reason.UNSUPPORTED_VERSION,
                            "sealed with format version " + version + "; this Lanyard reads version " + VERSION);
                }
                if (!ENCRYPTION.equals(json.get("enc"))) {
                    throw new EnvelopeException(EnvelopeException.Reason.MALFORMED,
                            "sealed with " + json.get("enc") + ", not " + ENCRYPTION);
                }
                byte[] nonce = Base64.getUrlDecoder().decode((String) json.get("iv"));
                if (nonce.length != NONCE_BYTES) {
                    throw new EnvelopeException(EnvelopeException.Reason.MALFORMED, "nonce is not 96 bits");
                }
                return new Sealed(VERSION, (String) json.get("mk"), nonce,
                        Base64.getUrlDecoder().decode((String) json.get("ct")));
            } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
                throw new EnvelopeException(EnvelopeException.Reason.MALFORMED, "malformed sealed value");
            }
        }
    }

    /** Seals {@code plaintext} of the record {@code recordId} under the current master key. */
    public static Sealed seal(MasterKeys keys, String purpose, String recordId, byte[] plaintext) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keys.current(), nonce);
            cipher.updateAAD(associatedData(purpose, VERSION, recordId));
            return new Sealed(VERSION, keys.currentId(), nonce, cipher.doFinal(plaintext));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM is unavailable in this JVM: " + e.getMessage(), e);
        }
    }

    /**
     * The plaintext of {@code sealed}, if it was sealed for this purpose and record under a master key that
     * {@code keys} holds and has not been altered since.
     */
    public static byte[] open(MasterKeys keys, String purpose, String recordId, Sealed sealed)
            throws EnvelopeException {
        if (sealed.version() != VERSION) {
            throw new EnvelopeException(EnvelopeException.Reason.UNSUPPORTED_VERSION,
                    "sealed with format version " + sealed.version());
        }
        SecretKey key = keys.byId(sealed.masterKeyId()).orElseThrow(() -> new EnvelopeException(
                EnvelopeException.Reason.UNKNOWN_MASTER_KEY, "sealed under master key " + sealed.masterKeyId()
                + ", which is not configured (this process has " + keys.ids() + ")"));
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, sealed.nonce());
            cipher.updateAAD(associatedData(purpose, sealed.version(), recordId));
            return cipher.doFinal(sealed.ciphertext());
        } catch (AEADBadTagException e) {
            throw new EnvelopeException(EnvelopeException.Reason.NOT_AUTHENTIC, "does not authenticate under master"
                    + " key " + sealed.masterKeyId() + ": altered, or sealed for another record");
        } catch (GeneralSecurityException e) {
            throw new EnvelopeException(EnvelopeException.Reason.MALFORMED, "cannot be decrypted ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static Cipher cipher(int mode, SecretKey key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    static byte[] associatedData(String purpose, int version, String recordId) {
        return ("lanyard/" + purpose + "/v" + version + "/" + recordId).getBytes(StandardCharsets.UTF_8);
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

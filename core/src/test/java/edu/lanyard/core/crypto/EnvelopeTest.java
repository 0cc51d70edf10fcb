package edu.lanyard.core.crypto;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvelopeTest {
    private static final String PURPOSE = "signing-key";
    private static final byte[] SECRET = "{\"kty\":\"EC\",\"d\":\"private-part\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void whatIsSealedOpensToTheSameBytesAndHoldsNoneOfThemInClear() throws Exception {
        MasterKeys keys = MasterKeys.random();
        Envelope.Sealed sealed = Envelope.seal(keys, PURPOSE, "kid-1", SECRET);

        assertArrayEquals(SECRET, Envelope.open(keys, PURPOSE, "kid-1", sealed));
        assertEquals(keys.currentId(), sealed.masterKeyId());
        assertEquals(SECRET.length + 16, sealed.ciphertext().length, "GCM adds its 128-bit tag and nothing else");
        String stored = sealed.toJson().toString();
        assertFalse(stored.contains("private-part"), stored);
        System.out.println("sealed " + SECRET.length + " bytes as " + stored.length() + " characters: " + stored);
    }

    @Test
    void theJsonFormRoundTrips() throws Exception {
        MasterKeys keys = MasterKeys.random();
        Envelope.Sealed sealed = Envelope.seal(keys, PURPOSE, "kid-1", SECRET);
        Envelope.Sealed read = Envelope.Sealed.fromJson(new HashMap<>(sealed.toJson()));
        assertArrayEquals(SECRET, Envelope.open(keys, PURPOSE, "kid-1", read));
    }

    @Test
    void everySealingDrawsANewNonce() {
        MasterKeys keys = MasterKeys.random();
        Set<String> nonces = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            nonces.add(java.util.HexFormat.of().formatHex(Envelope.seal(keys, PURPOSE, "kid", SECRET).nonce()));
        }
        assertEquals(1000, nonces.size());
    }

    @Test
    void anotherMasterKeyCannotOpenIt() {
        Envelope.Sealed sealed = Envelope.seal(MasterKeys.random(), PURPOSE, "kid-1", SECRET);
        EnvelopeException e = assertThrows(EnvelopeException.class,
                () -> Envelope.open(MasterKeys.random(), PURPOSE, "kid-1", sealed));
        assertEquals(EnvelopeException.Reason.UNKNOWN_MASTER_KEY, e.reason());
        assertTrue(e.getMessage().contains(sealed.masterKeyId()), e.getMessage());
    }

    /** A key that claims the right id but is not the right key: the tag decides, not the id. */
    @Test
    void aWrongKeyUnderTheRightIdFailsAuthentication() throws Exception {
        MasterKeys keys = MasterKeys.random();
        Envelope.Sealed sealed = Envelope.seal(keys, PURPOSE, "kid-1", SECRET);
        Envelope.Sealed relabelled = new Envelope.Sealed(1, MasterKeys.random().currentId(), sealed.nonce(),
                sealed.ciphertext());
        MasterKeys other = MasterKeys.random();
        Envelope.Sealed underOther = new Envelope.Sealed(1, other.currentId(), sealed.nonce(), sealed.ciphertext());
        assertEquals(EnvelopeException.Reason.NOT_AUTHENTIC, assertThrows(EnvelopeException.class,
                () -> Envelope.open(other, PURPOSE, "kid-1", underOther)).reason());
        assertEquals(EnvelopeException.Reason.UNKNOWN_MASTER_KEY, assertThrows(EnvelopeException.class,
                () -> Envelope.open(keys, PURPOSE, "kid-1", relabelled)).reason());
    }

    @Test
    void anyAlteredByteFailsAuthentication() throws Exception {
        MasterKeys keys = MasterKeys.random();
        Envelope.Sealed sealed = Envelope.seal(keys, PURPOSE, "kid-1", SECRET);
        int refused = 0;
        for (int i = 0; i < sealed.ciphertext().length; i++) {
            byte[] tampered = sealed.ciphertext();
            tampered[i] ^= 0x01;
            Envelope.Sealed altered = new Envelope.Sealed(1, sealed.masterKeyId(), sealed.nonce(), tampered);
            EnvelopeException e = assertThrows(EnvelopeException.class,
                    () -> Envelope.open(keys, PURPOSE, "kid-1", altered), "byte " + i);
            assertEquals(EnvelopeException.Reason.NOT_AUTHENTIC, e.reason());
            refused++;
        }
        byte[] nonce = sealed.nonce();
        nonce[0] ^= 0x01;
        Envelope.Sealed otherNonce = new Envelope.Sealed(1, sealed.masterKeyId(), nonce, sealed.ciphertext());
        assertThrows(EnvelopeException.class, () -> Envelope.open(keys, PURPOSE, "kid-1", otherNonce));
        System.out.println("every one of " + refused + " single-bit changes of the ciphertext was refused");
    }

    /** The kid is associated data: a sealed private key moved onto another key's row does not open there. */
    @Test
    void theAssociatedDataBindsTheRecordIdAndThePurpose() {
        MasterKeys keys = MasterKeys.random();
        Envelope.Sealed sealed = Envelope.seal(keys, PURPOSE, "kid-1", SECRET);
        assertEquals(EnvelopeException.Reason.NOT_AUTHENTIC, assertThrows(EnvelopeException.class,
                () -> Envelope.open(keys, PURPOSE, "kid-2", sealed)).reason());
        assertEquals(EnvelopeException.Reason.NOT_AUTHENTIC, assertThrows(EnvelopeException.class,
                () -> Envelope.open(keys, "something-else", "kid-1", sealed)).reason());
    }

    @Test
    void anUnknownFormatVersionIsRefusedNotGuessed() {
        MasterKeys keys = MasterKeys.random();
        Map<String, Object> json = new HashMap<>(Envelope.seal(keys, PURPOSE, "kid-1", SECRET).toJson());
        json.put("v", 2L);
        EnvelopeException e = assertThrows(EnvelopeException.class, () -> Envelope.Sealed.fromJson(json));
        assertEquals(EnvelopeException.Reason.UNSUPPORTED_VERSION, e.reason());
        json.put("v", 1L);
        json.put("iv", "not base64!");
        assertEquals(EnvelopeException.Reason.MALFORMED,
                assertThrows(EnvelopeException.class, () -> Envelope.Sealed.fromJson(json)).reason());
    }

    @Test
    void aPreviousKeyOpensButNeverSeals() throws Exception {
        byte[] old = MasterKeys.randomKey();
        byte[] current = MasterKeys.randomKey();
        MasterKeys before = MasterKeys.of(old, List.of());
        MasterKeys during = MasterKeys.of(current, List.of(old));
        Envelope.Sealed sealedBefore = Envelope.seal(before, PURPOSE, "kid-1", SECRET);

        assertArrayEquals(SECRET, Envelope.open(during, PURPOSE, "kid-1", sealedBefore));
        Envelope.Sealed resealed = Envelope.seal(during, PURPOSE, "kid-1", SECRET);
        assertEquals(MasterKeys.of(current, List.of()).currentId(), resealed.masterKeyId());
        assertNotEquals(sealedBefore.masterKeyId(), resealed.masterKeyId());
        assertArrayEquals(SECRET, Envelope.open(MasterKeys.of(current, List.of()), PURPOSE, "kid-1", resealed));
    }
}

package edu.lanyard.core.crypto;

import edu.lanyard.core.config.LanyardConfig;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The AES-256 master keys of a process: the current one, which {@link Envelope} seals with, and previous ones that
 * only open what was sealed before a rotation. Each key is known by an id derived from it (a truncated SHA-256 that
 * reveals nothing usable), so a sealed value names the key it needs and a missing key is reported by id.
 * {@link #toString()} names ids only; no method returns key bytes.
 */
public final class MasterKeys {
    public static final int KEY_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] ID_LABEL = "lanyard master key id\0".getBytes(StandardCharsets.US_ASCII);
    private static final String HOW_TO_MAKE = "`lanyard admin new-master-key` prints a new one";

    private final String currentId;
    private final Map<String, SecretKey> byId;

    private MasterKeys(String currentId, Map<String, SecretKey> byId) {
        this.currentId = currentId;
        this.byId = byId;
    }

    /** {@code current} seals and opens; {@code previous} only open. Each must be 32 bytes. */
    public static MasterKeys of(byte[] current, List<byte[]> previous) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        String currentId = add(keys, current);
        previous.forEach(key -> add(keys, key));
        return new MasterKeys(currentId, Collections.unmodifiableMap(keys));
    }

    /** A fresh random key alone (dev's generated key, tests). */
    public static MasterKeys random() {
        return of(randomKey(), List.of());
    }

    public static byte[] randomKey() {
        byte[] key = new byte[KEY_BYTES];
        RANDOM.nextBytes(key);
        return key;
    }

    /** A new key as it is configured: base64 of 32 random bytes. */
    public static String newEncodedKey() {
        return Base64.getEncoder().encodeToString(randomKey());
    }

    /**
     * The keys the configuration names, read from its files where it gives files; empty when no master key is set.
     * A malformed key or unreadable file is an {@link IllegalArgumentException} naming the setting, never the value.
     * Blocking (file reads): call at start.
     */
    public static Optional<MasterKeys> fromConfig(LanyardConfig.Keys keys) {
        if (!keys.masterKey().isEmpty() && !keys.masterKeyFile().isEmpty()) {
            throw new IllegalArgumentException("set keys.masterKey or keys.masterKeyFile, not both");
        }
        if (!keys.masterKeyConfigured()) {
            if (!keys.previousMasterKeys().isEmpty() || !keys.previousMasterKeysFile().isEmpty()) {
                throw new IllegalArgumentException("keys.previousMasterKeys need a current keys.masterKey or"
                        + " keys.masterKeyFile to seal with");
            }
            return Optional.empty();
        }
        byte[] current = keys.masterKey().isEmpty()
                ? decode(single(readFile(keys.masterKeyFile(), "keys.masterKeyFile"), "keys.masterKeyFile"),
                "keys.masterKeyFile " + keys.masterKeyFile())
                : decode(keys.masterKey(), "keys.masterKey");
        List<byte[]> previous = new ArrayList<>();
        for (int i = 0; i < keys.previousMasterKeys().size(); i++) {
            String encoded = keys.previousMasterKeys().get(i);
            if (!encoded.isBlank()) {
                previous.add(decode(encoded, "keys.previousMasterKeys[" + i + "]"));
            }
        }
        if (!keys.previousMasterKeysFile().isEmpty()) {
            List<String> lines = keyLines(readFile(keys.previousMasterKeysFile(), "keys.previousMasterKeysFile"));
            for (int i = 0; i < lines.size(); i++) {
                previous.add(decode(lines.get(i), "keys.previousMasterKeysFile " + keys.previousMasterKeysFile()
                        + " (key " + (i + 1) + ")"));
            }
        }
        return Optional.of(of(current, previous));
    }

    /** The id of the key new values are sealed under. */
    public String currentId() {
        return currentId;
    }

    /** Every id this process can open, the current one first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    public boolean knows(String id) {
        return byId.containsKey(id);
    }

    SecretKey current() {
        return byId.get(currentId);
    }

    Optional<SecretKey> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The id of one key, as a sealed value records it: 16 hex digits of SHA-256 over a label and the key. */
    static String idOf(byte[] key) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(ID_LABEL);
            return HexFormat.of().formatHex(sha256.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    @Override
    public String toString() {
        return "MasterKeys[current=" + currentId + ", all=" + ids() + "]";
    }

    private static String add(Map<String, SecretKey> keys, byte[] key) {
        if (key == null || key.length != KEY_BYTES) {
            throw new IllegalArgumentException("a master key is " + KEY_BYTES + " bytes");
        }
        String id = idOf(key);
        keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
        return id;
    }

    private static byte[] decode(String encoded, String setting) {
        byte[] key;
        String trimmed = encoded.trim();
        try {
            key = trimmed.contains("-") || trimmed.contains("_")
                    ? Base64.getUrlDecoder().decode(trimmed)
                    : Base64.getDecoder().decode(trimmed);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(setting + " is not base64 (" + HOW_TO_MAKE + ")");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException(setting + " must be " + KEY_BYTES + " bytes in base64, not "
                    + key.length + " bytes (" + HOW_TO_MAKE + ")");
        }
        return key;
    }

    private static String readFile(String file, String setting) {
        try {
            return Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(setting + " " + file + " does not exist");
        } catch (IOException | SecurityException e) {
            throw new IllegalArgumentException(setting + " " + file + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /** Non-blank lines that are not {@code #} comments. */
    private static List<String> keyLines(String text) {
        return text.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    private static String single(String text, String setting) {
        List<String> lines = keyLines(text);
        if (lines.size() != 1) {
            throw new IllegalArgumentException(setting + " must hold exactly one key, found " + lines.size());
        }
        return lines.get(0);
    }
}

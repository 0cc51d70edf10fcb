package edu.lanyard.core.crypto;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MasterKeysTest {
    @TempDir
    Path dir;

    @Test
    void noMasterKeyConfiguredIsNoKeys() {
        assertTrue(MasterKeys.fromConfig(ConfigLoader.load(null, Map.of()).keys()).isEmpty());
    }

    @Test
    void fromTheEnvironmentAndFromFiles() throws Exception {
        String current = MasterKeys.newEncodedKey();
        String previous = MasterKeys.newEncodedKey();
        String older = MasterKeys.newEncodedKey();
        Path keyFile = Files.writeString(dir.resolve("master-key"), current + "\n");
        Path previousFile = Files.writeString(dir.resolve("previous"), "# retired 2026-09\n" + older + "\n\n");
        MasterKeys fromEnv = load(Map.of("LANYARD_KEYS_MASTER_KEY", current,
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS", previous));
        MasterKeys fromFiles = load(Map.of("LANYARD_KEYS_MASTER_KEY_FILE", keyFile.toString(),
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS", previous,
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS_FILE", previousFile.toString()));
        assertEquals(fromEnv.currentId(), fromFiles.currentId());
        assertEquals(2, fromEnv.ids().size());
        assertEquals(3, fromFiles.ids().size());
        assertEquals(fromFiles.currentId(), fromFiles.ids().get(0));
        assertTrue(fromFiles.knows(MasterKeys.idOf(Base64.getDecoder().decode(older))));
    }

    @Test
    void malformedKeysAreNamedByTheirSettingAndNeverEchoed() throws Exception {
        String notBase64 = "this is not a key!";
        String tooShort = Base64.getEncoder().encodeToString(new byte[16]);
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY", notBase64), "keys.masterKey is not base64", notBase64);
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY", tooShort), "keys.masterKey must be 32 bytes", tooShort);
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY", MasterKeys.newEncodedKey(),
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS", tooShort), "keys.previousMasterKeys[0]", tooShort);
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY_FILE", dir.resolve("missing").toString()),
                "keys.masterKeyFile " + dir.resolve("missing") + " does not exist", "");
        Path two = Files.writeString(dir.resolve("two"), MasterKeys.newEncodedKey() + "\n"
                + MasterKeys.newEncodedKey());
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY_FILE", two.toString()), "exactly one key", "");
        assertRefused(Map.of("LANYARD_KEYS_MASTER_KEY", MasterKeys.newEncodedKey(),
                "LANYARD_KEYS_MASTER_KEY_FILE", two.toString()), "not both", "");
        assertRefused(Map.of("LANYARD_KEYS_PREVIOUS_MASTER_KEYS", MasterKeys.newEncodedKey()),
                "need a current keys.masterKey", "");
    }

    @Test
    void theConfigurationNeverPrintsTheKey() {
        String key = MasterKeys.newEncodedKey();
        LanyardConfig config = ConfigLoader.load(null, Map.of("LANYARD_KEYS_MASTER_KEY", key,
                "LANYARD_KEYS_PREVIOUS_MASTER_KEYS", MasterKeys.newEncodedKey()));
        assertFalse(config.toString().contains(key), config.toString());
        MasterKeys keys = MasterKeys.fromConfig(config.keys()).orElseThrow();
        assertFalse(keys.toString().contains(key));
        assertEquals(List.of(keys.currentId()), keys.ids().subList(0, 1));
    }

    private static MasterKeys load(Map<String, String> env) {
        return MasterKeys.fromConfig(ConfigLoader.load(null, env).keys()).orElseThrow();
    }

    private static void assertRefused(Map<String, String> env, String expected, String secret) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> load(env));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        if (!secret.isEmpty()) {
            assertFalse(e.getMessage().contains(secret), e.getMessage());
        }
    }
}

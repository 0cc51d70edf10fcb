package edu.lanyard.core.crypto;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.Provider;
import java.security.Security;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The native provider is optional: absent, broken or unhealthy, the JDK's providers stay exactly as they were. The
 * stand-ins below have the shape of Amazon Corretto Crypto Provider's entry point (a public {@code INSTANCE},
 * {@code getLoadingError()}, {@code assertHealthy()}).
 */
class NativeCryptoTest {

    @AfterEach
    void uninstall() {
        NativeCrypto.uninstallForTests();
    }

    @Test
    void anAbsentProviderLeavesTheJdksProvidersAsTheyWere() throws Exception {
        List<Provider> before = List.of(Security.getProviders());

        NativeCrypto.Outcome outcome = NativeCrypto.install("com.example.NoSuchProvider");

        assertFalse(outcome.nativeProvider());
        assertEquals("not on the class path", outcome.reason());
        assertEquals(before, List.of(Security.getProviders()));
        assertFalse(NativeCrypto.active());
        assertEquals(java.security.Signature.getInstance("SHA256withRSA").getProvider().getName(),
                outcome.signingProvider(), "the JDK still signs");
        assertEquals("DRBG", NativeCrypto.threadRandom().getAlgorithm(), "the JDK's DRBG per thread");
        assertTrue(outcome.describe().contains("no native provider"), outcome.describe());
    }

    @Test
    void aProviderWhoseNativeLibraryDidNotLoadIsNotInstalled() {
        List<Provider> before = List.of(Security.getProviders());

        NativeCrypto.Outcome outcome = NativeCrypto.install(NotLoaded.class.getName());

        assertFalse(outcome.nativeProvider());
        assertTrue(outcome.reason().contains("no native library for this platform"), outcome.reason());
        assertEquals(before, List.of(Security.getProviders()));
    }

    @Test
    void aProviderThatFailsItsSelfTestIsNotInstalled() {
        List<Provider> before = List.of(Security.getProviders());

        NativeCrypto.Outcome outcome = NativeCrypto.install(Unhealthy.class.getName());

        assertFalse(outcome.nativeProvider());
        assertTrue(outcome.reason().contains("self-test failed"), outcome.reason());
        assertEquals(before, List.of(Security.getProviders()));
        assertFalse(NativeCrypto.active());
    }

    @Test
    void aHealthyProviderGoesFirstOnceAndWhatItLacksStillComesFromTheJdk() throws Exception {
        int providers = Security.getProviders().length;

        NativeCrypto.Outcome outcome = NativeCrypto.install(Healthy.class.getName());
        NativeCrypto.install(Healthy.class.getName());

        assertTrue(outcome.nativeProvider());
        assertTrue(NativeCrypto.active());
        assertEquals(Healthy.NAME, Security.getProviders()[0].getName());
        assertEquals(providers + 1, Security.getProviders().length, "installed once");
        // The stand-in implements nothing: every algorithm falls through to the JDK's providers.
        assertNotNull(java.security.MessageDigest.getInstance("SHA-256"));
        assertNotNull(NativeCrypto.threadRandom());
    }

    @Test
    void theSwitchKeepsTheJdksProviders() {
        List<Provider> before = List.of(Security.getProviders());
        System.setProperty(NativeCrypto.SWITCH, "false");
        try {
            NativeCrypto.Outcome outcome = NativeCrypto.install();

            assertFalse(outcome.nativeProvider());
            assertTrue(outcome.reason().contains("switched off"), outcome.reason());
            assertEquals(before, List.of(Security.getProviders()));
        } finally {
            System.clearProperty(NativeCrypto.SWITCH);
        }
    }

    public static final class Healthy extends Provider {
        static final String NAME = "LanyardTestNative";
        public static final Healthy INSTANCE = new Healthy();

        private Healthy() {
            super(NAME, "1.0", "a stand-in with no algorithms");
        }

        public Throwable getLoadingError() {
            return null;
        }

        public void assertHealthy() {
        }
    }

    public static final class NotLoaded extends Provider {
        public static final NotLoaded INSTANCE = new NotLoaded();

        private NotLoaded() {
            super("LanyardTestNotLoaded", "1.0", "a stand-in whose native library is missing");
        }

        public Throwable getLoadingError() {
            return new UnsatisfiedLinkError("no native library for this platform");
        }
    }

    public static final class Unhealthy extends Provider {
        public static final Unhealthy INSTANCE = new Unhealthy();

        private Unhealthy() {
            super("LanyardTestUnhealthy", "1.0", "a stand-in that fails its self-test");
        }

        public Throwable getLoadingError() {
            return null;
        }

        public void assertHealthy() {
            throw new IllegalStateException("self-test failed");
        }
    }
}

package edu.lanyard.core.crypto;

import java.security.NoSuchAlgorithmException;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.security.Signature;

/**
 * The native crypto provider (Amazon Corretto Crypto Provider, AWS-LC underneath) when the process has it: signing
 * an id_token, hashing a token and drawing random bytes are most of a token request's own CPU, and the native
 * provider does them several times faster than the JDK's Java code. Installed first in the JCA's order, so every
 * {@code Signature}, {@code MessageDigest}, {@code Mac}, {@code Cipher} and {@code SecureRandom} lookup — nimbus's
 * signers included — takes it; whatever it does not implement still comes from the JDK.
 *
 * <p>Optional by design: the class is looked up by name (only {@code lanyard.jar} carries it), and a provider that
 * is missing, whose native library did not load on this platform, or that fails its own self-test is not installed;
 * the JDK's providers then serve exactly as before. Nothing it produces differs on the wire: signatures, digests
 * and ciphertexts are the same standard algorithms.
 */
public final class NativeCrypto {
    /** Amazon Corretto Crypto Provider's entry point. */
    public static final String CORRETTO = "com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider";
    /** {@code -Dlanyard.nativeCrypto=false} keeps the JDK's providers (to compare, or to rule the provider out). */
    public static final String SWITCH = "lanyard.nativeCrypto";

    private static volatile Provider installed;

    private NativeCrypto() {
    }

    /** What {@link #install()} found: the provider that now signs, and why a native one is not in use, if not. */
    public record Outcome(boolean nativeProvider, String signingProvider, String reason) {
        /** One line for the start log. */
        public String describe() {
            return nativeProvider
                    ? "crypto: native provider " + signingProvider + " signs, hashes and draws random bytes"
                    : "crypto: the JDK's providers (" + signingProvider + " signs); no native provider: " + reason;
        }
    }

    /** Installs the Amazon Corretto Crypto Provider if it loads and is not switched off; idempotent. */
    public static Outcome install() {
        if ("false".equalsIgnoreCase(System.getProperty(SWITCH, "true").trim())) {
            return fallback("switched off (-D" + SWITCH + "=false)");
        }
        return install(CORRETTO);
    }

    /**
     * Installs the provider class {@code className} exposes as {@code INSTANCE} at the head of the JCA's order,
     * unless it is absent, reports a loading error ({@code getLoadingError()}) or fails {@code assertHealthy()}.
     */
    static synchronized Outcome install(String className) {
        if (installed != null) {
            return new Outcome(true, signingProvider(), null);
        }
        Provider provider;
        try {
            Class<?> type = Class.forName(className);
            provider = (Provider) type.getField("INSTANCE").get(null);
            Throwable loading = (Throwable) call(provider, "getLoadingError");
            if (loading != null) {
                return fallback("it did not load: " + loading);
            }
            call(provider, "assertHealthy");
        } catch (ClassNotFoundException absent) {
            return fallback("not on the class path");
        } catch (ReflectiveOperationException | RuntimeException | LinkageError unusable) {
            Throwable cause = unusable.getCause() != null ? unusable.getCause() : unusable;
            return fallback("it cannot be used here: " + cause);
        }
        Security.insertProviderAt(provider, 1);
        installed = provider;
        return new Outcome(true, signingProvider(), null);
    }

    /** True once a native provider is installed in this process. */
    public static boolean active() {
        return installed != null;
    }

    /**
     * A fresh generator for one thread: the native provider's own (AWS-LC's CTR-DRBG, no shared lock) when
     * installed, otherwise the JDK's DRBG, never the default NativePRNG that serialises every caller on one lock.
     */
    public static SecureRandom threadRandom() {
        if (active()) {
            return new SecureRandom();
        }
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** Undoes {@link #install()}; for tests only. */
    static synchronized void uninstallForTests() {
        if (installed != null) {
            Security.removeProvider(installed.getName());
            installed = null;
        }
    }

    private static Object call(Provider provider, String method) throws ReflectiveOperationException {
        try {
            return provider.getClass().getMethod(method).invoke(provider);
        } catch (NoSuchMethodException notThere) {
            return null;
        }
    }

    private static Outcome fallback(String reason) {
        return new Outcome(false, signingProvider(), reason);
    }

    private static String signingProvider() {
        try {
            return Signature.getInstance("SHA256withRSA").getProvider().getName();
        } catch (NoSuchAlgorithmException e) {
            return "none";
        }
    }
}

package edu.lanyard.launcher;

import edu.lanyard.core.crypto.NativeCrypto;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * On the platform lanyard.jar carries a native library for (Linux x86-64), the launcher's class path installs the
 * Amazon Corretto Crypto Provider and the JCA lookups nimbus and the token hashing make land on it. (Elsewhere the
 * fallback applies; core's NativeCryptoTest covers it.)
 */
class NativeCryptoInstallTest {
    private static final String CORRETTO = "AmazonCorrettoCryptoProvider";

    @Test
    void theNativeProviderSignsHashesAndDrawsRandomBytesWhereItLoads() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("linux")
                && "amd64".equals(System.getProperty("os.arch")), "ACCP's jar carries a Linux x86-64 library only");

        NativeCrypto.Outcome outcome = NativeCrypto.install();

        assertTrue(outcome.nativeProvider(), outcome.describe());
        assertEquals(CORRETTO, outcome.signingProvider());
        assertEquals(CORRETTO, Signature.getInstance("SHA256withRSA").getProvider().getName());
        assertEquals(CORRETTO, Signature.getInstance("SHA256withECDSA").getProvider().getName());
        assertEquals(CORRETTO, MessageDigest.getInstance("SHA-256").getProvider().getName());
        assertEquals(CORRETTO, NativeCrypto.threadRandom().getProvider().getName());
        assertEquals(CORRETTO, new SecureRandom().getProvider().getName());
    }
}

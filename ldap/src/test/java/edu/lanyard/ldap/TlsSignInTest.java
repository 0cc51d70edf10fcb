package edu.lanyard.ldap;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.user.Authenticator.Verdict;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.TlsStores;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** LDAPS and StartTLS, trusting a test certificate through ldap.trustStore; an untrusted one is refused. */
class TlsSignInTest {
    @TempDir
    static Path dir;
    private static Vertx vertx;
    private static PostgresCopies copies;
    private static TlsStores.Store serverKeys;
    private static TlsStores.Store trust;

    @BeforeAll
    static void start() {
        vertx = Vertx.vertx();
        copies = new PostgresCopies(vertx);
        serverKeys = TlsStores.keyStore(dir, "directory", "server-store-pass");
        trust = TlsStores.trustStore(dir, "lanyard", serverKeys, "trust-pass");
    }

    @AfterAll
    static void stop() {
        copies.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void ldapsWithTheDirectorysCertificateInTheTrustStore() throws Exception {
        try (TestDirectory directory = TestDirectory.openLdap(TestDirectory.Transport.LDAPS, serverKeys)) {
            assertSignsIn(trusting(directory.openLdapConfig()));
        }
    }

    @Test
    void startTlsWithTheDirectorysCertificateInTheTrustStore() throws Exception {
        try (TestDirectory directory = TestDirectory.openLdap(TestDirectory.Transport.START_TLS, serverKeys)) {
            assertSignsIn(trusting(directory.openLdapConfig()));
        }
    }

    @Test
    void anUntrustedCertificateIsUnavailableNotASignIn() throws Exception {
        try (TestDirectory directory = TestDirectory.openLdap(TestDirectory.Transport.LDAPS, serverKeys)) {
            DirectoryAuthenticator authenticator = new DirectoryAuthenticator(vertx, directory.openLdapConfig(),
                    copies, new SimpleMeterRegistry(), Clock.systemUTC());
            try {
                assertInstanceOf(StoreUnavailableException.class,
                        Await.failure(authenticator.authenticate("alice", "alice-pass-1")));
            } finally {
                authenticator.close();
            }
        }
    }

    private void assertSignsIn(LanyardConfig.Ldap config) {
        DirectoryAuthenticator authenticator = new DirectoryAuthenticator(vertx, config, copies,
                new SimpleMeterRegistry(), Clock.systemUTC());
        try {
            assertInstanceOf(Verdict.Verified.class, Await.result(authenticator.authenticate("alice", "alice-pass-1")));
            assertInstanceOf(Verdict.Refused.class, Await.result(authenticator.authenticate("alice", "wrong")));
        } finally {
            authenticator.close();
        }
    }

    private static LanyardConfig.Ldap trusting(LanyardConfig.Ldap c) {
        return new LanyardConfig.Ldap(true, c.urls(), c.startTls(), trust.path().toString(), trust.password(),
                "PKCS12", "", c.bindDn(), c.bindPassword(), c.userDnTemplate(), c.baseDn(), c.loginAttributes(),
                c.userFilter(), c.connectTimeoutMs(), c.responseTimeoutMs(), c.poolSize(), c.attributes(), c.groups(),
                c.activeDirectory(), c.profileCacheSeconds());
    }
}

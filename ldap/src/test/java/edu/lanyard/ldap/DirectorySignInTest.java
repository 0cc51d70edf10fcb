package edu.lanyard.ldap;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.event.LoginFailed;
import edu.lanyard.core.ledger.Ledger;
import edu.lanyard.core.metrics.SignInMeters;
import edu.lanyard.core.user.CountingLoginThrottle;
import edu.lanyard.core.user.LocalAuthenticator;
import edu.lanyard.core.user.SignIn;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.FreePorts;
import edu.lanyard.devkit.MutableClock;
import edu.lanyard.devkit.memory.MemoryStores;
import edu.lanyard.devkit.memory.MemoryUsers;
import edu.lanyard.devkit.memory.RecordingEventPublisher;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The directory in the whole sign-in: after the local users, with the lockout, the audit and the meters that
 * {@link SignIn} applies to every authenticator; and the configuration's refusals.
 */
class DirectorySignInTest {
    private static Vertx vertx;
    private static TestDirectory directory;
    private static PostgresCopies copies;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        directory = TestDirectory.openLdap();
        copies = new PostgresCopies(vertx);
    }

    @AfterAll
    static void stop() {
        copies.close();
        directory.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private record Chain(SignIn signIn, RecordingEventPublisher events, DirectoryAuthenticator directory) {
    }

    private static Chain chain(LanyardConfig.Ldap config, MemoryUsers local) {
        MutableClock clock = MutableClock.atFixedInstant();
        RecordingEventPublisher events = new RecordingEventPublisher();
        Ledger ledger = new Ledger(LanyardConfig.Durability.KAFKA, events, clock);
        SignInMeters meters = new SignInMeters(new SimpleMeterRegistry());
        DirectoryAuthenticator ldap = new DirectoryAuthenticator(vertx, config, copies, new SimpleMeterRegistry(),
                Clock.systemUTC());
        CountingLoginThrottle throttle = new CountingLoginThrottle(MemoryStores.on(clock).loginAttempts(), ledger,
                new LanyardConfig.Login(1, 5, 100, 300, 1800, 28_800), meters);
        SignIn signIn = new SignIn(List.of(new LocalAuthenticator(local, local.passwordCheck()), ldap), local,
                throttle, local.passwordCheck(), ledger, meters);
        return new Chain(signIn, events, ldap);
    }

    private static SignInOutcome attempt(Chain chain, String login, String password) {
        return Await.result(chain.signIn().attempt(SignInMeters.Via.PASSWORD_GRANT, login, password, "192.0.2.7",
                "app"));
    }

    @Test
    void theOperatorsSearchEscapesWhatIsTypedAndIsFoundThroughSignIn() {
        LanyardConfig.Ldap config = directory.openLdapConfig();
        DirectoryLookup lookup = new DirectoryLookup(config, null, null, Clock.systemUTC());
        String filter = lookup.containsFilter("*)(uid=*").toString();
        assertTrue(filter.contains("\\2a\\29\\28uid=\\2a"), "every special character is escaped: " + filter);
        assertFalse(filter.contains("*)(uid=*"), filter);
        Chain chain = chain(config, new MemoryUsers());
        try {
            assertTrue(chain.signIn().directoryPeople().isPresent(), "the directory is found among the authenticators");
            assertTrue(new SignIn(List.of(), new MemoryUsers(), null, null, null, null).directoryPeople().isEmpty());
        } finally {
            chain.directory().close();
        }
    }

    @Test
    void fiveWrongDirectoryPasswordsLockTheAccount() {
        Chain chain = chain(directory.openLdapConfig(), new MemoryUsers());
        try {
            for (int i = 0; i < 5; i++) {
                assertEquals(new SignInOutcome.BadCredentials(), attempt(chain, "bob", "wrong-" + i));
            }
            assertInstanceOf(SignInOutcome.Locked.class, attempt(chain, "bob", "bob-pass-1"),
                    "locked: the right password is not even checked");
        } finally {
            chain.directory().close();
        }
    }

    @Test
    void aLocalUserIsAskedFirstAndTheDirectoryAfter() {
        MemoryUsers local = new MemoryUsers();
        local.add("alice", "local-alice-pass");
        Chain chain = chain(directory.openLdapConfig(), local);
        try {
            SignInOutcome.SignedIn signedIn = assertInstanceOf(SignInOutcome.SignedIn.class,
                    attempt(chain, "alice", "local-alice-pass"));
            assertEquals("sub-alice", signedIn.user().subject());
            // the local account decides: its wrong password is not tried against the directory
            assertEquals(new SignInOutcome.BadCredentials(), attempt(chain, "alice", "alice-pass-1"));
            assertInstanceOf(SignInOutcome.SignedIn.class, attempt(chain, "bob", "bob-pass-1"));
        } finally {
            chain.directory().close();
        }
    }

    @Test
    void aDirectoryRefusalIsAuditedWithItsReason() {
        try (TestDirectory ad = TestDirectory.activeDirectory()) {
            Chain chain = chain(ad.activeDirectoryConfig(), new MemoryUsers());
            try {
                assertEquals(new SignInOutcome.Disabled(), attempt(chain, "dan", "dan-pass-1"));
                assertTrue(chain.events().published(LoginFailed.class).stream()
                        .anyMatch(failed -> failed.reason().equals("disabled")), "audit: " + chain.events().published());
            } finally {
                chain.directory().close();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void noPasswordReachesTheLog() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            Chain chain = chain(directory.openLdapConfig(), new MemoryUsers());
            attempt(chain, "alice", "Wrong-Secret-4711");
            attempt(chain, "twins@campus.edu", "Twin-Secret-4712");
            attempt(chain, "alice", "alice-pass-1");
            chain.directory().close();
            Chain down = chain(directory.openLdapConfig(List.of("ldap://127.0.0.1:" + FreePorts.pick())),
                    new MemoryUsers());
            Await.failure(down.signIn().attempt(SignInMeters.Via.LOGIN_PAGE, "alice", "Down-Secret-4713", "192.0.2.7",
                    "app"));
            down.directory().close();
        } finally {
            System.err.flush();
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        original.print(log);
        assertTrue(log.contains("entries match one login name"), "the ambiguous login is logged: " + log);
        assertTrue(log.contains("campus directory unreachable"), "the outage is logged: " + log);
        for (String secret : List.of("Wrong-Secret-4711", "Twin-Secret-4712", "alice-pass-1", "Down-Secret-4713",
                TestDirectory.SERVICE_PASSWORD)) {
            assertFalse(log.contains(secret), "the log holds a password");
        }
    }

    @Test
    void anInvalidSectionStopsTheStartWithOneLineNamingTheKey() {
        Map<String, String> base = Map.of("LANYARD_LDAP_ENABLED", "true",
                "LANYARD_LDAP_URLS", "ldap://127.0.0.1:389", "LANYARD_LDAP_BIND_DN", "cn=svc",
                "LANYARD_LDAP_BIND_PASSWORD", "Svc-Secret-99", "LANYARD_LDAP_BASE_DN", "dc=campus,dc=edu");
        assertTrue(ConfigLoader.load(null, base).ldap().enabled());
        assertRefused(with(base, "LANYARD_LDAP_URLS", "http://dir.campus.edu"), "ldap.urls");
        assertRefused(with(base, "LANYARD_LDAP_URLS", ""), "ldap.urls");
        assertRefused(with(base, "LANYARD_LDAP_BIND_PASSWORD", ""), "ldap.bindPassword");
        assertRefused(with(base, "LANYARD_LDAP_USER_DN_TEMPLATE", "uid={login},dc=campus,dc=edu"), "ldap.bindDn");
        assertRefused(with(base, "LANYARD_LDAP_BASE_DN", ""), "ldap.baseDn");
        assertRefused(with(base, "LANYARD_LDAP_USER_FILTER", "objectClass=person"), "ldap.userFilter");
        assertRefused(with(base, "LANYARD_LDAP_POOL_SIZE", "0"), "ldap.poolSize");
        assertRefused(with(base, "LANYARD_LDAP_LOGIN_ATTRIBUTES", "uid,(mail)"), "ldap.loginAttributes");
        assertRefused(with(base, "LANYARD_LDAP_GROUPS_SEARCH_FILTER", "(member=x)"), "ldap.groups.searchFilter");
        assertFalse(ConfigLoader.load(null, Map.of()).ldap().enabled(), "off by default");
        assertEquals(LanyardConfig.Ldap.disabled(), ConfigLoader.load(null, Map.of()).ldap(),
                "a configuration built by hand without ldap equals one loaded from the defaults");
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        Map<String, String> env = new java.util.HashMap<>(base);
        env.put(key, value);
        return env;
    }

    private static void assertRefused(Map<String, String> env, String key) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(null, env));
        assertTrue(e.getMessage().startsWith("invalid configuration " + key + ":"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertFalse(e.getMessage().contains("Svc-Secret-99"), e.getMessage());
    }
}

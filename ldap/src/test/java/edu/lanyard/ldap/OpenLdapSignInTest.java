package edu.lanyard.ldap;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.store.StoreUnavailableException;
import edu.lanyard.core.user.Authenticator.Verdict;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.devkit.Await;
import edu.lanyard.devkit.FreePorts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in against an OpenLDAP-like directory (inetOrgPerson, groupOfNames), copies kept in real Postgres. */
class OpenLdapSignInTest {
    private static Vertx vertx;
    private static TestDirectory directory;
    private static PostgresCopies copies;
    private static DirectoryAuthenticator authenticator;
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        directory = TestDirectory.openLdap();
        copies = new PostgresCopies(vertx);
        authenticator = authenticator(directory.openLdapConfig());
    }

    @AfterAll
    static void stop() {
        authenticator.close();
        copies.close();
        directory.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static DirectoryAuthenticator authenticator(LanyardConfig.Ldap config) {
        return new DirectoryAuthenticator(vertx, config, copies, METERS, Clock.systemUTC());
    }

    private static Verdict signIn(DirectoryAuthenticator with, String login, String password) {
        return Await.result(with.authenticate(login, password));
    }

    @Test
    void signInByUidCopiesTheEntryWithItsClaimsAttributesAndNestedGroups() {
        Verdict verdict = signIn(authenticator, "alice", "alice-pass-1");
        User alice = assertInstanceOf(Verdict.Verified.class, verdict).user();
        assertEquals("alice", alice.username());
        assertEquals(User.Origin.DIRECTORY, alice.origin());
        assertNull(alice.passwordHash());
        assertEquals("Alice Liddell", alice.name());
        assertEquals("alice@campus.edu", alice.email());
        assertEquals("+1 555 0100", alice.phone());
        assertEquals(Map.of("given_name", "Alice", "family_name", "Liddell"), alice.claims());
        assertEquals("Mathematics", alice.attribute("department"));
        assertEquals("20240001", alice.attribute("employee_number"));
        // two levels of nesting configured: math-staff, faculty, everyone; not too-deep (a third level)
        assertEquals(List.of("math-staff", "faculty", "everyone"), alice.attributes().get("roles"));
        String entryUuid = directoryEntryUuid("uid=alice,ou=people,dc=campus,dc=edu");
        assertEquals(entryUuid, alice.subject(), "the first copy takes the entry's entryUUID as its subject");
        User stored = Await.result(copies.byUsername("alice")).orElseThrow();
        assertEquals(alice.subject(), stored.subject());
        assertEquals(User.Origin.DIRECTORY, stored.origin());
    }

    @Test
    void signInByMailAndByEmployeeNumberIsTheSameAccountWithTheSameSubject() {
        User byUid = assertInstanceOf(Verdict.Verified.class, signIn(authenticator, "bob", "bob-pass-1")).user();
        User byMail = assertInstanceOf(Verdict.Verified.class,
                signIn(authenticator, "bob@campus.edu", "bob-pass-1")).user();
        User byNumber = assertInstanceOf(Verdict.Verified.class,
                signIn(authenticator, "20240002", "bob-pass-1")).user();
        assertEquals("bob", byMail.username());
        assertEquals("bob", byNumber.username());
        assertEquals(byUid.subject(), byMail.subject());
        assertEquals(byUid.subject(), byNumber.subject());
        assertEquals(List.of("everyone", "too-deep"), byUid.attributes().get("roles"), "bob is one level below too-deep");
    }

    @Test
    void aWrongPasswordIsBadCredentialsAndAnUnknownLoginIsUnknown() {
        assertEquals(new SignInOutcome.BadCredentials(),
                assertInstanceOf(Verdict.Refused.class, signIn(authenticator, "alice", "wrong")).outcome());
        assertInstanceOf(Verdict.Unknown.class, signIn(authenticator, "nobody", "whatever"));
        // filter metacharacters are escaped: no wildcard match
        assertInstanceOf(Verdict.Unknown.class, signIn(authenticator, "al*", "alice-pass-1"));
        assertInstanceOf(Verdict.Unknown.class, signIn(authenticator, "*)(uid=*", "alice-pass-1"));
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutABind() {
        long binds = directory.binds.get();
        assertEquals(new SignInOutcome.BadCredentials(),
                assertInstanceOf(Verdict.Refused.class, signIn(authenticator, "alice", "")).outcome());
        assertEquals(binds, directory.binds.get());
    }

    @Test
    void aLoginNameThatMatchesTwoEntriesIsRefused() {
        assertEquals(new SignInOutcome.BadCredentials(), assertInstanceOf(Verdict.Refused.class,
                signIn(authenticator, "twins@campus.edu", "twin-pass")).outcome());
    }

    @Test
    void directBindWithADnTemplate() {
        LanyardConfig.Ldap search = directory.openLdapConfig();
        LanyardConfig.Ldap template = new LanyardConfig.Ldap(true, search.urls(), false, "", "", "PKCS12", "", "",
                "", "uid={login},ou=people," + TestDirectory.BASE, "", List.of("uid"), "", 2000, 5000, 2,
                search.attributes(), search.groups(), false, 0);
        DirectoryAuthenticator direct = authenticator(template);
        try {
            User alice = assertInstanceOf(Verdict.Verified.class, signIn(direct, "alice", "alice-pass-1")).user();
            assertEquals("alice", alice.username());
            assertEquals(List.of("math-staff", "faculty", "everyone"), alice.attributes().get("roles"));
            assertInstanceOf(Verdict.Refused.class, signIn(direct, "alice", "wrong"));
            assertInstanceOf(Verdict.Refused.class, signIn(direct, "alice,ou=services", "alice-pass-1"));
        } finally {
            direct.close();
        }
    }

    @Test
    void theNextUrlIsUsedWhenTheFirstIsDown() {
        String closed = "ldap://127.0.0.1:" + FreePorts.pick();
        DirectoryAuthenticator failover = authenticator(directory.openLdapConfig(List.of(closed, directory.url())));
        try {
            assertInstanceOf(Verdict.Verified.class, signIn(failover, "alice", "alice-pass-1"));
        } finally {
            failover.close();
        }
    }

    @Test
    void aDirectoryNoServerOfAnswersIsUnavailableNotAWrongPassword() {
        List<String> down = List.of("ldap://127.0.0.1:" + FreePorts.pick(), "ldap://127.0.0.1:" + FreePorts.pick());
        DirectoryAuthenticator unreachable = authenticator(directory.openLdapConfig(down));
        try {
            Throwable failure = Await.failure(unreachable.authenticate("alice", "alice-pass-1"));
            assertInstanceOf(StoreUnavailableException.class, failure);
            assertTrue(failure.getMessage().contains("try again later"), failure.getMessage());
        } finally {
            unreachable.close();
        }
        assertTrue(METERS.get("lanyard.directory.binds").tag("outcome", "unreachable").timer().count() >= 1);
    }

    @Test
    void aLocalUserOfTheSameNameWins() {
        Await.result(copies.repository().upsert(User.local("local-carl", "carl", "pbkdf2$hash", "Carl Local",
                "carl@local", null, Map.of(), null)));
        directoryAdd("dn: uid=carl,ou=people,dc=campus,dc=edu", "objectClass: inetOrgPerson", "uid: carl",
                "cn: Carl Directory", "sn: Directory", "mail: carl@campus.edu", "userPassword: carl-pass-1");
        assertEquals(new SignInOutcome.BadCredentials(), assertInstanceOf(Verdict.Refused.class,
                signIn(authenticator, "carl@campus.edu", "carl-pass-1")).outcome());
        User carl = Await.result(copies.byUsername("carl")).orElseThrow();
        assertEquals(User.Origin.LOCAL, carl.origin());
        assertEquals("pbkdf2$hash", carl.passwordHash());
    }

    @Test
    void theProfileCacheReusesTheEntryButBindsThePasswordEveryTime() throws Exception {
        directoryAdd("dn: uid=cara,ou=people,dc=campus,dc=edu", "objectClass: inetOrgPerson", "uid: cara",
                "cn: Cara Cached", "sn: Cached", "mail: cara@campus.edu", "userPassword: cara-pass-1");
        directoryAdd("dn: cn=choir,ou=groups,dc=campus,dc=edu", "objectClass: groupOfNames", "cn: choir",
                "member: uid=cara,ou=people,dc=campus,dc=edu");
        LanyardConfig.Ldap c = directory.openLdapConfig();
        DirectoryAuthenticator cached = authenticator(new LanyardConfig.Ldap(true, c.urls(), false, "", "",
                "PKCS12", "", c.bindDn(), c.bindPassword(), "", c.baseDn(), c.loginAttributes(), c.userFilter(),
                c.connectTimeoutMs(), c.responseTimeoutMs(), c.poolSize(), c.attributes(), c.groups(), false, 300));
        try {
            User first = assertInstanceOf(Verdict.Verified.class, signIn(cached, "cara", "cara-pass-1")).user();
            assertEquals(List.of("choir"), first.attributes().get("roles"));
            directory.server().modify("dn: cn=choir,ou=groups,dc=campus,dc=edu", "changetype: modify",
                    "delete: member", "member: uid=cara,ou=people,dc=campus,dc=edu", "-", "add: member",
                    "member: uid=twin1,ou=people,dc=campus,dc=edu");
            long binds = directory.binds.get();
            User second = assertInstanceOf(Verdict.Verified.class, signIn(cached, "cara", "cara-pass-1")).user();
            assertEquals(List.of("choir"), second.attributes().get("roles"), "groups read within the cache time");
            assertEquals(binds + 1, directory.binds.get(), "the password is bound again");
            assertInstanceOf(Verdict.Refused.class, signIn(cached, "cara", "wrong"));
            User third = assertInstanceOf(Verdict.Verified.class, signIn(cached, "cara", "cara-pass-1")).user();
            assertNull(third.attributes().get("roles"), "a refusal dropped the cached entry: read afresh");
        } finally {
            cached.close();
        }
    }

    private static void directoryAdd(String... ldif) {
        try {
            directory.server().add(ldif);
        } catch (com.unboundid.ldap.sdk.LDAPException | com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String directoryEntryUuid(String dn) {
        try {
            return directory.server().getEntry(dn, "entryUUID").getAttributeValue("entryUUID");
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException(e);
        }
    }
}

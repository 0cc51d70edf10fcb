package edu.lanyard.ldap;

import edu.lanyard.core.domain.User;
import edu.lanyard.core.user.Authenticator.Verdict;
import edu.lanyard.core.user.SignInOutcome;
import edu.lanyard.devkit.Await;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

/** Sign-in against an Active Directory-like directory: sAMAccountName / UPN, memberOf, account state, bind sub-codes. */
class ActiveDirectorySignInTest {
    private static Vertx vertx;
    private static TestDirectory directory;
    private static PostgresCopies copies;
    private static DirectoryAuthenticator authenticator;

    @BeforeAll
    static void start() throws Exception {
        vertx = Vertx.vertx();
        directory = TestDirectory.activeDirectory();
        copies = new PostgresCopies(vertx);
        authenticator = new DirectoryAuthenticator(vertx, directory.activeDirectoryConfig(), copies,
                new SimpleMeterRegistry(), Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        authenticator.close();
        copies.close();
        directory.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    private static SignInOutcome refusal(String login, String password) {
        return assertInstanceOf(Verdict.Refused.class, Await.result(authenticator.authenticate(login, password)))
                .outcome();
    }

    @Test
    void signInBySamAccountNameOrUpnWithTheBuiltInAdMapping() {
        User carol = assertInstanceOf(Verdict.Verified.class,
                Await.result(authenticator.authenticate("carol", "carol-pass-1"))).user();
        assertEquals("carol", carol.username());
        assertEquals("Carol Danvers", carol.name());
        assertEquals("carol@campus.edu", carol.email());
        assertEquals("Carol", carol.claims().get("given_name"));
        assertEquals(List.of("Pilots", "Staff"), carol.attributes().get("roles"));
        User byUpn = assertInstanceOf(Verdict.Verified.class,
                Await.result(authenticator.authenticate("carol@campus.edu", "carol-pass-1"))).user();
        assertEquals(carol.subject(), byUpn.subject());
        assertEquals(new SignInOutcome.BadCredentials(), refusal("carol", "wrong"));
    }

    @Test
    void accountStateOnTheEntryRefusesAfterTheRightPassword() {
        assertEquals(new SignInOutcome.Disabled(), refusal("dan", "dan-pass-1"), "userAccountControl 0x2");
        assertEquals(new SignInOutcome.AccountExpired(), refusal("erin", "erin-pass-1"), "accountExpires in 2012");
        assertEquals(new SignInOutcome.PasswordChangeRequired(), refusal("frank", "frank-pass-1"), "pwdLastSet 0");
        // a wrong password says nothing about the account
        assertEquals(new SignInOutcome.BadCredentials(), refusal("dan", "wrong"));
    }

    @Test
    void bindSubCodesBecomeTheirOutcomes() {
        String gina = "cn=gina subcode,ou=staff,dc=campus,dc=edu";
        try {
            expect(gina, "533", new SignInOutcome.Disabled());
            expect(gina, "530", new SignInOutcome.Disabled());
            expect(gina, "531", new SignInOutcome.Disabled());
            expect(gina, "532", new SignInOutcome.PasswordChangeRequired());
            expect(gina, "773", new SignInOutcome.PasswordChangeRequired());
            expect(gina, "701", new SignInOutcome.AccountExpired());
            expect(gina, "775", new SignInOutcome.BadCredentials());
            expect(gina, "52e", new SignInOutcome.BadCredentials());
        } finally {
            directory.adSubCodes.clear();
        }
    }

    private static void expect(String dn, String subCode, SignInOutcome outcome) {
        directory.adSubCodes.put(dn, subCode);
        assertEquals(outcome, refusal("gina", "gina-pass-1"), "data " + subCode);
    }
}

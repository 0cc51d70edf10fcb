package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import edu.lanyard.core.user.SignInOutcome;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Active Directory's account state, read without a directory. */
class AccountStateTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void fileTimeCountsHundredNanosecondsFrom1601() {
        assertEquals(Instant.EPOCH, AccountState.fileTime(116_444_736_000_000_000L));
        assertEquals(Instant.parse("2030-01-01T00:00:00Z"), AccountState.fileTime(135_379_296_000_000_000L));
    }

    @Test
    void accountExpiresZeroOrMaxIsNever() {
        assertEquals(Optional.empty(), AccountState.ofEntry(entry("accountExpires: 0"), NOW));
        assertEquals(Optional.empty(), AccountState.ofEntry(entry("accountExpires: 9223372036854775807"), NOW));
        assertEquals(Optional.empty(), AccountState.ofEntry(entry("accountExpires: 135379296000000000"), NOW));
        assertEquals(Optional.of(new SignInOutcome.AccountExpired()),
                AccountState.ofEntry(entry("accountExpires: 116444736000000000"), NOW));
    }

    @Test
    void onlyTheDisableBitOfUserAccountControlCounts() {
        assertEquals(Optional.empty(), AccountState.ofEntry(entry("userAccountControl: 66048"), NOW)); // 0x10200
        assertEquals(Optional.of(new SignInOutcome.Disabled()),
                AccountState.ofEntry(entry("userAccountControl: 66050"), NOW)); // 0x10202
    }

    @Test
    void aSubCodeOutsideInvalidCredentialsOrWithoutDataIsAWrongPassword() {
        assertEquals(new SignInOutcome.BadCredentials(), AccountState.ofRefusedBind(
                new LDAPException(ResultCode.UNWILLING_TO_PERFORM, "data 533")));
        assertEquals(new SignInOutcome.BadCredentials(), AccountState.ofRefusedBind(
                new LDAPException(ResultCode.INVALID_CREDENTIALS, "invalid credentials")));
        assertEquals(new SignInOutcome.Disabled(), AccountState.ofRefusedBind(new LDAPException(
                ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09042F, comment: AcceptSecurityContext"
                + " error, data 533, v4563")));
    }

    @Test
    void activeDirectoryNestedGroupsAreOneInChainSearch() {
        assertEquals("(member:1.2.840.113556.1.4.1941:=CN=Carol,OU=Staff,DC=campus,DC=edu)",
                GroupNames.inChainFilter("CN=Carol,OU=Staff,DC=campus,DC=edu").toString());
    }

    private static Entry entry(String line) {
        try {
            return new Entry("dn: cn=x,dc=campus,dc=edu", "objectClass: user", line);
        } catch (com.unboundid.ldif.LDIFException e) {
            throw new IllegalStateException(e);
        }
    }
}

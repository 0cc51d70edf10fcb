package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import edu.lanyard.core.user.SignInOutcome;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the directory says about an account beyond "wrong password": Active Directory's bind sub-codes ("data 533" in
 * the diagnostic message) and the state attributes on the entry.
 */
final class AccountState {
    /** AD's userAccountControl ACCOUNTDISABLE bit. */
    static final long ACCOUNT_DISABLED = 0x2;
    /** AD's "never" for accountExpires, besides 0. */
    private static final long NEVER = Long.MAX_VALUE;
    /** Seconds between 1601-01-01 (Windows FILETIME's epoch) and 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET_SECONDS = 11_644_473_600L;
    private static final Pattern SUB_CODE = Pattern.compile("\\bdata ([0-9a-fA-F]{3,4})\\b");

    private AccountState() {
    }

    /**
     * The outcome of a refused bind. AD says why in a sub-code: 530/531 (logon hours, workstation) and 533 disabled,
     * 532/773 password expired or to be changed, 701 account expired. 52e (wrong password), 775 (locked in AD, said
     * whatever the password) and anything unknown are a wrong password, so nothing is told about an account without
     * its password.
     */
    static SignInOutcome ofRefusedBind(LDAPException refused) {
        // The server's diagnostic message; a locally made exception carries it as its message.
        String diagnostic = refused.getDiagnosticMessage() != null ? refused.getDiagnosticMessage()
                : refused.getMessage();
        if (diagnostic == null || refused.getResultCode() != ResultCode.INVALID_CREDENTIALS) {
            return new SignInOutcome.BadCredentials();
        }
        Matcher m = SUB_CODE.matcher(diagnostic);
        if (!m.find()) {
            return new SignInOutcome.BadCredentials();
        }
        switch (m.group(1).toLowerCase(java.util.Locale.ROOT)) {
            case "530", "531", "533":
                return new SignInOutcome.Disabled();
            case "532", "773":
                return new SignInOutcome.PasswordChangeRequired();
            case "701":
                return new SignInOutcome.AccountExpired();
            default:
                return new SignInOutcome.BadCredentials();
        }
    }

    /** After a right password: the entry's own state (AD attributes), if it refuses the sign-in. */
    static Optional<SignInOutcome> ofEntry(Entry entry, Instant now) {
        Long control = number(entry, "userAccountControl");
        if (control != null && (control & ACCOUNT_DISABLED) != 0) {
            return Optional.of(new SignInOutcome.Disabled());
        }
        Long expires = number(entry, "accountExpires");
        if (expires != null && expires != 0 && expires != NEVER && fileTime(expires).isBefore(now)) {
            return Optional.of(new SignInOutcome.AccountExpired());
        }
        Long passwordSet = number(entry, "pwdLastSet");
        if (passwordSet != null && passwordSet == 0) {
            return Optional.of(new SignInOutcome.PasswordChangeRequired());
        }
        return Optional.empty();
    }

    /** Windows FILETIME: 100-nanosecond intervals since 1601-01-01 UTC. */
    static Instant fileTime(long value) {
        return Instant.ofEpochSecond(value / 10_000_000L - FILETIME_EPOCH_OFFSET_SECONDS,
                (value % 10_000_000L) * 100);
    }

    private static Long number(Entry entry, String attribute) {
        String value = entry.getAttributeValue(attribute);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

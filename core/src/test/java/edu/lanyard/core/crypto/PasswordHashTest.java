package edu.lanyard.core.crypto;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Published vectors from the products' own documentation, and the rules around them. Every format imported and
 * verified against generated vectors: directory's ImportedPasswordHashesTest.
 */
class PasswordHashTest {
    private static final HashPolicy POLICY = new HashPolicy(1_000);

    private static void verifies(String hash, String right) {
        PasswordHash parsed = PasswordHash.parse(hash);
        assertTrue(parsed.verify(right), parsed.toString());
        assertFalse(parsed.verify(right + "x"), parsed.toString());
        assertFalse(parsed.verify(""), parsed.toString());
        assertFalse(parsed.verify(null), parsed.toString());
        assertFalse(parsed.isCurrent(POLICY), parsed.toString());
    }

    @Test
    void phpManualBcrypt() {
        verifies("$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a", "rasmuslerdorf");
    }

    @Test
    void argon2ReferenceImplementation() {
        verifies("$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG", "password");
    }

    @Test
    void wellKnownDigests() {
        verifies("md5:0cc175b9c0f1b6a831c399e269772661", "a");
        verifies("sha1:a9993e364706816aba3e25717850c26c9cd0d89d", "abc");
        verifies("sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "abc");
        verifies("{SHA}qUqP5cyxm6YcTAhz05Hph5gvu9M=", "test");
        verifies("{MD5}CY9rzUYh03PK3k6DJie09g==", "test");
    }

    @Test
    void onlyLanyardsOwnPbkdf2AtTheConfiguredCostIsCurrent() {
        String own = new PasswordHasher(1_000).hash("pw");
        assertTrue(PasswordHash.parse(own).isCurrent(POLICY));
        assertFalse(PasswordHash.parse(own).isCurrent(new HashPolicy(2_000)));
        assertInstanceOf(Pbkdf2Hash.class, PasswordHash.parse(own));
    }

    @Test
    void bcryptCountsTheFirst72BytesLikeEveryOtherBcrypt() {
        String longPassword = "é".repeat(40); // 80 bytes of UTF-8: the 72nd byte ends mid-character
        String hash = OpenBSDBCrypt.generate("2b", java.util.Arrays.copyOf(
                longPassword.getBytes(StandardCharsets.UTF_8), 72), "0123456789abcdef".getBytes(), 4);
        assertTrue(PasswordHash.parse(hash).verify(longPassword));
        assertTrue(PasswordHash.parse(hash).verify(longPassword + "ignored"));
        assertFalse(PasswordHash.parse(hash).verify("é".repeat(35)));
    }

    @Test
    void aBadHashIsRefusedWithAMessageThatNamesTheFormatsNotTheHash() {
        String[] bad = {"plain-text-secret99", "$2a$03$abcdefghijklmnopqrstuuSJ0cR8Nfcb.RrHuDZlAQvFFNNgNO2rS",
                "$2y$10$tooShort", "$2x$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a",
                "$argon2d$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$argon2id$v=19$m=999999999,t=2,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG",
                "$pbkdf2-md5$1000$c2FsdA$aGFzaA", "pbkdf2_sha256$x$salt$aGFzaA==", "{CRYPT}abc", "{SSHA}c2hvcnQ=",
                "md5:0cc175b9c0f1b6a831c399e26977266", "md5::0cc175b9c0f1b6a831c399e269772661",
                "md5-suffix:0cc175b9c0f1b6a831c399e269772661", "sha256:zz", ""};
        for (String hash : bad) {
            UnsupportedPasswordHashException e = assertThrows(UnsupportedPasswordHashException.class,
                    () -> PasswordHash.parse(hash), hash);
            if (hash.length() > 6) {
                assertFalse(e.getMessage().contains(hash.substring(hash.length() - 6)), e.getMessage());
            }
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
        }
        String unknown = assertThrows(UnsupportedPasswordHashException.class,
                () -> PasswordHash.parse("plain-text-secret99")).getMessage();
        assertTrue(unknown.contains("bcrypt") && unknown.contains("{SSHA}") && unknown.contains("md5:"), unknown);
    }

    @Test
    void toStringShowsNoSaltOrHash() {
        String hash = "$2y$10$.vGA1O9wmRjrwAVXD98HNOgsNpDczlqm3Jq7KnEd1rVAGv3Fykk1a";
        assertEquals("BcryptHash[2y, cost 10]", PasswordHash.parse(hash).toString());
        String md5 = "md5:s4lt:0cc175b9c0f1b6a831c399e269772661";
        assertFalse(PasswordHash.parse(md5).toString().contains("s4lt"));
        assertFalse(PasswordHash.parse(md5).toString().contains("0cc1"));
    }
}

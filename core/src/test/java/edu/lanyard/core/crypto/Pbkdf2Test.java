package edu.lanyard.core.crypto;

import org.junit.jupiter.api.Test;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.util.HexFormat;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Lanyard's PBKDF2 is the JDK's, bit for bit, for every PRF, password and length a stored hash can bring. */
class Pbkdf2Test {

    @Test
    void rfc7914TestVectorsForHmacSha256() {
        assertArrayEquals(HexFormat.of().parseHex("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
                        + "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"),
                Pbkdf2.derive(Pbkdf2Hash.Prf.SHA256, "passwd", "salt".getBytes(), 1, 64));
        assertArrayEquals(HexFormat.of().parseHex("4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
                        + "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d"),
                Pbkdf2.derive(Pbkdf2Hash.Prf.SHA256, "Password", "NaCl".getBytes(), 80_000, 64));
    }

    @Test
    void sameAsTheJdkForRandomInputs() throws Exception {
        Random random = new Random(20261205);
        String[] passwords = {"student1-pass", "p", "pässwörd-密码-🔑", "x".repeat(64), "y".repeat(65),
                "z".repeat(129), "with\0nul", "\uD800 lone surrogate"};
        for (Pbkdf2Hash.Prf prf : Pbkdf2Hash.Prf.values()) {
            for (String password : passwords) {
                byte[] salt = new byte[1 + random.nextInt(40)];
                random.nextBytes(salt);
                int iterations = 1 + random.nextInt(300);
                int length = 1 + random.nextInt(150);
                assertArrayEquals(jdk(prf, password, salt, iterations, length),
                        Pbkdf2.derive(prf, password, salt, iterations, length),
                        prf + " " + iterations + " iterations, " + length + " bytes");
            }
        }
    }

    private static byte[] jdk(Pbkdf2Hash.Prf prf, String password, byte[] salt, int iterations, int length)
            throws Exception {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, length * 8);
        return SecretKeyFactory.getInstance(prf.jceName(), "SunJCE").generateSecret(spec).getEncoded();
    }
}

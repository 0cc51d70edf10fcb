package edu.lanyard.core.crypto;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * bcrypt, {@code $2a$}, {@code $2b$} or {@code $2y$} (PHP's {@code password_hash}), cost 4–31, verified by Bouncy
 * Castle. Like every bcrypt, only the first 72 bytes of a password count.
 */
public record BcryptHash(String version, int cost, String encoded) implements PasswordHash {
    private static final Pattern FORMAT = Pattern.compile("\\$(2[aby])\\$(\\d\\d)\\$[./A-Za-z0-9]{53}");
    private static final int MAX_PASSWORD_BYTES = 72;

    static boolean looksLike(String encoded) {
        return encoded.startsWith("$2");
    }

    static BcryptHash parse(String encoded) {
        Matcher m = FORMAT.matcher(encoded);
        if (!m.matches()) {
            throw new UnsupportedPasswordHashException("malformed bcrypt hash: expected $2a$, $2b$ or $2y$, a"
                    + " two-digit cost and 53 characters of salt and hash");
        }
        int cost = Integer.parseInt(m.group(2));
        if (cost < 4 || cost > 31) {
            throw new UnsupportedPasswordHashException("malformed bcrypt hash: the cost must be between 4 and 31");
        }
        return new BcryptHash(m.group(1), cost, encoded);
    }

    @Override
    public boolean verify(String password) {
        if (password == null || password.isEmpty()) {
            return false;
        }
        return OpenBSDBCrypt.checkPassword(encoded, truncated(password));
    }

    /**
     * bcrypt reads at most 72 bytes of UTF-8 (PHP, OpenBSD and MaxKey's Spring Security all cut there, even inside a
     * character); cut there ourselves so no library version refuses a long password.
     */
    private static byte[] truncated(String password) {
        byte[] utf8 = password.getBytes(StandardCharsets.UTF_8);
        return utf8.length <= MAX_PASSWORD_BYTES ? utf8 : Arrays.copyOf(utf8, MAX_PASSWORD_BYTES);
    }

    @Override
    public boolean isCurrent(HashPolicy policy) {
        return false;
    }

    @Override
    public String family() {
        return "bcrypt";
    }

    @Override
    public String toString() {
        return "BcryptHash[" + version + ", cost " + cost + "]";
    }
}

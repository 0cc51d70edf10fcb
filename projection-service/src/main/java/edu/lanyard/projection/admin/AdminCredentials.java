package edu.lanyard.projection.admin;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.PasswordHasher;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The operator's credentials, separate from every OAuth client: a user name with a PBKDF2 password hash (checked off
 * the event loop), and/or a bearer token of which only the SHA-256 is configured.
 */
public final class AdminCredentials {
    private final LanyardConfig.Admin admin;
    private final PasswordHasher passwords;

    public AdminCredentials(LanyardConfig.Admin admin, PasswordHasher passwords) {
        if (notBlank(admin.passwordHash()) && !passwords.canVerify(admin.passwordHash())) {
            throw new IllegalArgumentException("admin.passwordHash is not a PBKDF2 hash; make one with"
                    + " `lanyard admin hash-password`");
        }
        if (notBlank(admin.tokenHash()) && !admin.tokenHash().trim().matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("admin.tokenHash must be the SHA-256 of the token in hex; make a pair"
                    + " with `lanyard admin new-token`");
        }
        this.admin = admin;
        this.passwords = passwords;
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    public boolean enabled() {
        return admin.enabled();
    }

    public boolean acceptsToken(String token) {
        String configured = admin.tokenHash();
        if (configured == null || configured.isBlank() || token == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256Hex(token).getBytes(StandardCharsets.US_ASCII),
                configured.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    public Future<Boolean> acceptsPassword(Vertx vertx, String user, String password) {
        if (admin.user() == null || admin.user().isBlank() || admin.passwordHash() == null
                || admin.passwordHash().isBlank() || user == null || password == null) {
            return Future.succeededFuture(false);
        }
        boolean sameUser = MessageDigest.isEqual(user.getBytes(StandardCharsets.UTF_8),
                admin.user().getBytes(StandardCharsets.UTF_8));
        // Verify even for a wrong user name, so the answer takes as long either way.
        return passwords.verify(vertx, admin.passwordHash(), password).map(ok -> ok && sameUser);
    }

    public static String sha256Hex(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JRE", e);
        }
    }
}

package edu.lanyard.core.token;

import edu.lanyard.core.crypto.NativeCrypto;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shape of an opaque token string. Lanyard's own is 256 random bits; product dialects fix their own shapes
 * (docs/products.md §0.4) and every one of them still carries at least 122 random bits.
 */
public sealed interface TokenFormat {
    /**
     * One DRBG (NIST SP 800-90A) per thread, each seeded from the operating system: the native provider's when
     * installed, else the JDK's ({@link NativeCrypto#threadRandom()}). The default NativePRNG shares one
     * process-wide lock between all callers, which shows at thousands of tokens per second.
     */
    ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(NativeCrypto::threadRandom);

    String mint(TokenKind kind);

    /** 32 random bytes, base64url: Lanyard's default. */
    record Opaque256() implements TokenFormat {
        @Override
        public String mint(TokenKind kind) {
            return randomBase64Url(32);
        }
    }

    /** 32 lowercase hex characters (128 bits): Ketanyun and the PHP SSO. */
    record Hex32() implements TokenFormat {
        @Override
        public String mint(TokenKind kind) {
            byte[] bytes = new byte[16];
            RANDOM.get().nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }
    }

    /** UUID v4 (122 random bits): the MaxKey family. */
    record UuidV4() implements TokenFormat {
        @Override
        public String mint(TokenKind kind) {
            return RandomIds.uuid();
        }
    }

    /**
     * CAS tickets: {@code AT-n-<32 base64url>}, {@code RT-…}, {@code OC-…}, optionally followed by {@code -suffix}.
     * As in CAS's DefaultUniqueTicketIdGenerator each ticket kind has its own counter, per JVM, from 1.
     */
    record CasTicket(String hostSuffix) implements TokenFormat {
        private static final java.util.Map<TokenKind, AtomicLong> COUNTERS = new java.util.EnumMap<>(java.util.Map.of(
                TokenKind.ACCESS_TOKEN, new AtomicLong(), TokenKind.REFRESH_TOKEN, new AtomicLong(),
                TokenKind.AUTHORIZATION_CODE, new AtomicLong()));

        public CasTicket() {
            this(null);
        }

        @Override
        public String mint(TokenKind kind) {
            String prefix = switch (kind) {
                case ACCESS_TOKEN -> "AT-";
                case REFRESH_TOKEN -> "RT-";
                case AUTHORIZATION_CODE -> "OC-";
            };
            String ticket = prefix + COUNTERS.get(kind).incrementAndGet() + "-" + randomBase64Url(24);
            return hostSuffix == null || hostSuffix.isBlank() ? ticket : ticket + "-" + hostSuffix;
        }
    }

    static String randomBase64Url(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.get().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}

package edu.lanyard.core.token;

import java.util.UUID;

/**
 * Random UUID v4 strings from the per-thread generator; {@link UUID#randomUUID()} would serialise every request on
 * one shared lock.
 */
public final class RandomIds {
    private RandomIds() {
    }

    public static String uuid() {
        byte[] b = new byte[16];
        TokenFormat.RANDOM.get().nextBytes(b);
        b[6] = (byte) ((b[6] & 0x0f) | 0x40);
        b[8] = (byte) ((b[8] & 0x3f) | 0x80);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 8; i++) {
            high = (high << 8) | (b[i] & 0xff);
            low = (low << 8) | (b[i + 8] & 0xff);
        }
        return new UUID(high, low).toString();
    }
}

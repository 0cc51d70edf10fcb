package edu.lanyard.projection.admin;

import java.security.SecureRandom;

/**
 * Passwords the help desk hands to a user over the phone or on paper: random, long enough, and without the letters
 * and digits people confuse when reading them out (0/O, 1/l/I).
 */
final class GeneratedPasswords {
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    /** 20 characters of a 55-letter alphabet: about 115 bits. */
    static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedPasswords() {
    }

    static String next() {
        StringBuilder password = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}

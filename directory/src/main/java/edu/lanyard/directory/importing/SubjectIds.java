package edu.lanyard.directory.importing;

import java.security.SecureRandom;

/** Opaque user identifiers in the shape Ketanyun used for {@code sub}: 20 alphanumerics (about 119 bits). */
final class SubjectIds {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int LENGTH = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SubjectIds() {
    }

    static String random() {
        StringBuilder id = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}

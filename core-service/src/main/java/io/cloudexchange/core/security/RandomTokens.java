package io.cloudexchange.core.security;

import java.security.SecureRandom;

/** Random strings for generated passwords, client ids and client secrets. */
public final class RandomTokens {

    /** Letters and digits without look-alikes (0/O, 1/l/I), so a printed password can be typed. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomTokens() {
    }

    public static String generate(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}

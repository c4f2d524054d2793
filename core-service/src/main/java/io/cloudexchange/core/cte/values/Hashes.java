package io.cloudexchange.core.cte.values;

import java.util.Locale;

/** File hashes: hexadecimal of the algorithm's length, lower-cased. */
public final class Hashes {

    public static final int MD5_LENGTH = 32;
    public static final int SHA1_LENGTH = 40;
    public static final int SHA256_LENGTH = 64;
    public static final int SHA512_LENGTH = 128;

    private Hashes() {
    }

    public static ValueCheck check(String raw, String algorithm, int length) {
        String value = raw.strip();
        if (value.length() != length) {
            return ValueCheck.invalid(algorithm + " must be " + length + " hexadecimal characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.digit(value.charAt(i), 16) < 0) {
                return ValueCheck.invalid(algorithm + " must be hexadecimal; '" + value.charAt(i) + "' at position "
                        + (i + 1) + " is not");
            }
        }
        return ValueCheck.valid(value.toLowerCase(Locale.ROOT));
    }
}

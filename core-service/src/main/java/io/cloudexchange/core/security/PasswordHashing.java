package io.cloudexchange.core.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The one password hashing scheme of the platform, shared by the core and the command line. */
public final class PasswordHashing {

    /** BCrypt hashes only the first 72 bytes; longer passwords are refused instead of silently cut. */
    public static final int MAX_PASSWORD_BYTES = 72;

    private PasswordHashing() {
    }

    /** Delegating encoder: hashes as {@code {bcrypt}…} and still verifies older schemes by prefix. */
    public static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    public static boolean isTooLong(String password) {
        return password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }
}

package io.cloudexchange.core.auth;

import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.security.RandomTokens;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Compares a secret with a stored hash in about the same time whether or not the account exists,
 * so response timing does not tell which usernames or client ids are real.
 */
@Component
class CredentialCheck {

    private final PasswordEncoder encoder;
    private final String unknownAccountHash;

    CredentialCheck(PasswordEncoder encoder) {
        this.encoder = encoder;
        this.unknownAccountHash = encoder.encode(RandomTokens.generate(24));
    }

    /** @param storedHash the account's hash, or null when there is no such account */
    boolean matches(String secret, String storedHash) {
        if (secret == null || PasswordHashing.isTooLong(secret)) {
            encoder.matches("", unknownAccountHash);
            return false;
        }
        boolean matches = encoder.matches(secret, storedHash != null ? storedHash : unknownAccountHash);
        return storedHash != null && matches;
    }

    String hash(String secret) {
        return encoder.encode(secret);
    }
}

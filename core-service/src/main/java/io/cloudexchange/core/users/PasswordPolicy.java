package io.cloudexchange.core.users;

import io.cloudexchange.core.security.PasswordHashing;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** A password a user chooses: 12 characters or more, at most 72 bytes, not the username, none of the last five. */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    public static final int REMEMBERED = UserAccounts.PASSWORD_HISTORY + 1;

    private final PasswordEncoder encoder;

    PasswordPolicy(PasswordEncoder encoder) {
        this.encoder = encoder;
    }

    /** Why {@code user} may not choose {@code password}, if it may not. */
    public Optional<String> problem(User user, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        if (password.length() < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (PasswordHashing.isTooLong(password)) {
            return Optional.of("must be at most " + PasswordHashing.MAX_PASSWORD_BYTES + " bytes");
        }
        if (password.equalsIgnoreCase(user.username())) {
            return Optional.of("must differ from the username");
        }
        List<String> remembered = new ArrayList<>();
        if (user.passwordHash() != null) {
            remembered.add(user.passwordHash());
        }
        remembered.addAll(user.previousPasswordHashes());
        if (remembered.stream().anyMatch(hash -> encoder.matches(password, hash))) {
            return Optional.of("must differ from your last " + REMEMBERED + " passwords");
        }
        return Optional.empty();
    }
}

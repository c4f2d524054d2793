package io.cloudexchange.core.secrets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random keys kept as base64 files under {@code data/secrets} with owner-only permissions. Setup
 * creates them; the core creates a missing one so tests and first runs work.
 */
public final class KeyFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyFiles() {
    }

    public static byte[] readOrCreate(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read key file " + file, e);
        }
        byte[] key = random(bytes);
        write(file, key);
        return key;
    }

    static byte[] random(int bytes) {
        byte[] key = new byte[bytes];
        RANDOM.nextBytes(key);
        return key;
    }

    /** Writes a key file atomically (a temporary file moved into place), readable by the owner only. */
    static void write(Path file, byte[] key) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), ".key", ".tmp");
            restrict(tmp);
            Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write key file " + file, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system: permissions are left to the operating system
        }
    }
}

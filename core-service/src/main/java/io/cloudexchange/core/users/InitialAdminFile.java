package io.cloudexchange.core.users;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hand-over of the first admin (or of an admin password reset) from the command line to the
 * core: {@code <data-dir>/secrets/initial-admin.json}, owner-readable only, holding a password hash
 * but never the password. The core imports it at startup and renames it to {@code ….imported}.
 *
 * @param reset true when the user's password should be replaced even though users already exist
 */
public record InitialAdminFile(String username, String passwordHash, boolean mustChangePassword,
                               @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean reset) {

    public static final String DEFAULT_USERNAME = "admin";
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    public static Path location(Path dataDir) {
        return dataDir.resolve("secrets").resolve("initial-admin.json");
    }

    public static Path importedLocation(Path dataDir) {
        return dataDir.resolve("secrets").resolve("initial-admin.json.imported");
    }

    public static InitialAdminFile read(Path file) throws IOException {
        return JSON.readValue(Files.readString(file), InitialAdminFile.class);
    }

    /** Writes atomically with owner-only permissions, replacing a pending file. */
    public void write(Path file) throws IOException {
        createOwnerOnlyDirectory(file.getParent());
        Path tmp = Files.createTempFile(file.getParent(), ".initial-admin", ".tmp");
        restrict(tmp, "rw-------");
        Files.writeString(tmp, JSON.writeValueAsString(this) + "\n");
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void createOwnerOnlyDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            restrict(dir, "rwx------");
        }
    }

    private static void restrict(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // non-POSIX file system: permissions are left to the operating system
        }
    }
}

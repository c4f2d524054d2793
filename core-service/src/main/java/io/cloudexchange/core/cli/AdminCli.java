package io.cloudexchange.core.cli;

import io.cloudexchange.core.secrets.SecretKeyRing;
import io.cloudexchange.core.security.PasswordHashing;
import io.cloudexchange.core.security.RandomTokens;
import io.cloudexchange.core.users.InitialAdminFile;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Admin bootstrap commands run by {@code setup}, without starting Spring:
 * <pre>
 * java -cp core-service.jar -Dloader.main=io.cloudexchange.core.cli.AdminCli \
 *      org.springframework.boot.loader.launch.PropertiesLauncher init-admin --data-dir data
 * </pre>
 * {@code init-admin} creates the first admin once; {@code reset-admin-password} replaces the admin's
 * password. Both hand a hash to the core through {@link InitialAdminFile} and print the password once.
 * {@code rotate-secrets-key} makes a new secrets key and keeps the old one for decryption until the core
 * has re-encrypted every secret ({@code SecretsKeyRotation}, at its next start).
 */
public final class AdminCli {

    static final int PASSWORD_LENGTH = 24;
    private static final String USAGE = "usage: AdminCli (init-admin|reset-admin-password|rotate-secrets-key) --data-dir <dir>";

    private AdminCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 3 || !"--data-dir".equals(args[1])) {
            err.println(USAGE);
            return 2;
        }
        Path dataDir = Path.of(args[2]);
        try {
            return switch (args[0]) {
                case "init-admin" -> initAdmin(dataDir, out);
                case "reset-admin-password" -> resetAdminPassword(dataDir, out);
                case "rotate-secrets-key" -> rotateSecretsKey(dataDir, out, err);
                default -> {
                    err.println(USAGE);
                    yield 2;
                }
            };
        } catch (IOException e) {
            err.println("cannot write the admin file under " + dataDir + ": " + e.getMessage());
            return 1;
        } catch (UncheckedIOException e) {
            err.println("cannot write under " + dataDir + ": " + e.getMessage());
            return 1;
        }
    }

    private static int initAdmin(Path dataDir, PrintStream out) throws IOException {
        if (Files.exists(InitialAdminFile.location(dataDir)) || Files.exists(InitialAdminFile.importedLocation(dataDir))) {
            out.println("initial admin already created");
            return 0;
        }
        writeNewPassword(dataDir, false, out);
        return 0;
    }

    private static int resetAdminPassword(Path dataDir, PrintStream out) throws IOException {
        writeNewPassword(dataDir, true, out);
        return 0;
    }

    private static int rotateSecretsKey(Path dataDir, PrintStream out, PrintStream err) {
        if (!Files.isDirectory(dataDir.resolve("secrets"))) {
            err.println(dataDir + " is not set up yet (no secrets folder)");
            return 1;
        }
        String keyId = SecretKeyRing.rotate(dataDir);
        out.println("new secrets key: " + keyId);
        out.println("The previous key stays in " + dataDir.resolve(SecretKeyRing.RETIRED_KEYS_DIR)
                + " until the core has re-encrypted every secret with the new one (at its next start).");
        return 0;
    }

    private static void writeNewPassword(Path dataDir, boolean reset, PrintStream out) throws IOException {
        String password = RandomTokens.generate(PASSWORD_LENGTH);
        String hash = PasswordHashing.encoder().encode(password);
        new InitialAdminFile(InitialAdminFile.DEFAULT_USERNAME, hash, true, reset).write(InitialAdminFile.location(dataDir));
        out.println("username: " + InitialAdminFile.DEFAULT_USERNAME);
        out.println("password: " + password);
    }
}

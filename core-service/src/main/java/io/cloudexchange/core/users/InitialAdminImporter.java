package io.cloudexchange.core.users;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.logging.PlatformLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Imports {@code initial-admin.json} written by {@code AdminCli} at startup: creates the admin when no
 * user exists yet, or replaces the admin's password when the file asks for a reset. The file is
 * renamed afterwards so it is imported once.
 */
@Component
class InitialAdminImporter implements ApplicationRunner {

    private final Path dataDir;
    private final UserRepository users;
    private final UserAccounts accounts;
    private final PlatformLog platformLog;
    private final Clock clock;

    InitialAdminImporter(CloudExchangeProperties properties, UserRepository users, UserAccounts accounts,
                         PlatformLog platformLog, Clock clock) {
        this.dataDir = properties.dataDir();
        this.users = users;
        this.accounts = accounts;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        importPending();
    }

    void importPending() {
        Path file = InitialAdminFile.location(dataDir);
        if (!Files.exists(file)) {
            return;
        }
        try {
            apply(InitialAdminFile.read(file));
            Files.move(file, InitialAdminFile.importedLocation(dataDir), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot import " + file, e);
        }
    }

    private void apply(InitialAdminFile admin) {
        Optional<User> existing = users.findByUsername(admin.username());
        if (existing.isPresent() && admin.reset()) {
            accounts.setPassword(admin.username(), admin.passwordHash(), true);
            platformLog.info(PlatformLog.PLATFORM_SOURCE, "Password of '" + admin.username() + "' was reset from the command line");
        } else if (existing.isEmpty() && (admin.reset() || users.count() == 0)) {
            users.save(User.create(admin.username(), admin.passwordHash(), Set.of(Role.SUPER_ADMIN.name()), true, clock.instant()));
            platformLog.info(PlatformLog.PLATFORM_SOURCE, "Initial admin '" + admin.username() + "' was created");
        } else {
            platformLog.warn(PlatformLog.PLATFORM_SOURCE, null,
                    "Ignored initial-admin.json: users already exist and the file does not ask for a reset");
        }
    }
}

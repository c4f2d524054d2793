package io.cloudexchange.core.embedded;

import io.cloudexchange.core.secrets.KeyFiles;
import java.nio.file.Path;
import java.util.Base64;

/** The embedded broker's only user; the password is generated once and kept under {@code data/secrets}. */
record EmbeddedBrokerCredentials(String username, String password) {

    static final String USERNAME = "cloudexchange";
    static final String PASSWORD_FILE = "secrets/amqp-broker.key";

    static EmbeddedBrokerCredentials readOrCreate(Path dataDir) {
        byte[] secret = KeyFiles.readOrCreate(dataDir.resolve(PASSWORD_FILE), 24);
        return new EmbeddedBrokerCredentials(USERNAME, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    @Override
    public String toString() {
        return "EmbeddedBrokerCredentials[username=" + username + "]";
    }
}

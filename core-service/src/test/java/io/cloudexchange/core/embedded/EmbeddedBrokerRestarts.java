package io.cloudexchange.core.embedded;

import java.nio.file.Path;

/** Starts the platform's durable embedded broker again on its data directory and port, as a core restart would. */
public final class EmbeddedBrokerRestarts {

    private EmbeddedBrokerRestarts() {
    }

    public static EmbeddedAmqpBroker startAgain(Path dataDir, int port) {
        return EmbeddedAmqpBroker.startDurable(dataDir.resolve(EmbeddedAmqpConfiguration.BROKER_DIR), port,
                EmbeddedBrokerCredentials.readOrCreate(dataDir));
    }
}

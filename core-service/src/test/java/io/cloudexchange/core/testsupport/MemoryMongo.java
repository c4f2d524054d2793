package io.cloudexchange.core.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/** One in-memory MongoDB-wire server per test JVM, on a free loopback port. */
public final class MemoryMongo {

    private static final MongoServer SERVER = start();

    private MemoryMongo() {
    }

    public static String uri() {
        InetSocketAddress address = SERVER.getLocalAddress();
        return "mongodb://127.0.0.1:" + address.getPort() + "/cloudexchange-test";
    }

    private static MongoServer start() {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", 0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::shutdownNow));
        return server;
    }
}

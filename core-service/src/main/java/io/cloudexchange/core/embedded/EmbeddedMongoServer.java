package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MongoDB wire-protocol server (mongo-java-server) on the loopback interface. Durable mode keeps all
 * databases in one H2 MVStore file; in-memory mode loses everything on stop.
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    static final String STORE_FILE = "mongo.mv";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongoServer(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /**
     * MVStore page cache when none is configured (MVStore's own default). Its pages hold documents as BSON, which the
     * operating system's file cache holds as well; a larger cache only gave the collector more to copy (a million
     * indicators: ingest 52-58 s at 96 MB, 50 s at 16 MB; EDL poll 3.2-3.8 s, 2.2 s).
     */
    public static final int DEFAULT_CACHE_MB = 16;

    /**
     * Bytes at which the store splits a B-tree page (MVStore's default: 16 KB). A commit writes every page it
     * changed anew, and an ingest changes pages all over the tree: half-size pages halve what it writes (a million
     * indicators: 45 s instead of 52-58 s, a 3.7 GB file instead of 5.2 GB right after), for scans a few percent
     * slower (more pages to read); 4 KB pages made scans a third slower.
     */
    static final int PAGE_SPLIT_SIZE = 8 * 1024;

    /** Stores data in {@code storeDir/mongo.mv}, creating the directory when missing, with the default page cache. */
    public static EmbeddedMongoServer startDurable(Path storeDir, int port) {
        return startDurable(storeDir, port, DEFAULT_CACHE_MB);
    }

    /**
     * Stores data in {@code storeDir/mongo.mv}, creating the directory when missing.
     *
     * @param cacheMb heap for the store's page cache; queries over more documents than fit
     *                read and decode them from the file on every scan
     */
    public static EmbeddedMongoServer startDurable(Path storeDir, int port, int cacheMb) {
        try {
            Files.createDirectories(storeDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create embedded MongoDB store " + storeDir, e);
        }
        MVStore store = new MVStore.Builder().fileName(storeDir.resolve(STORE_FILE).toString())
                .cacheSize(cacheMb).pageSplitSize(PAGE_SPLIT_SIZE).open();
        return start(new PromptlyCommittingH2Backend(store), port, "H2 store " + storeDir + ", cache " + cacheMb + " MB");
    }

    public static EmbeddedMongoServer startInMemory(int port) {
        return start(new MemoryBackend(), port, "memory");
    }

    private static EmbeddedMongoServer start(MongoBackend backend, int port, String storage) {
        MongoServer server = new MongoServer(backend);
        try {
            server.bind("127.0.0.1", port);
        } catch (RuntimeException e) {
            backend.close();
            throw new IllegalStateException("cannot start embedded MongoDB server on 127.0.0.1:" + port, e);
        }
        InetSocketAddress address = server.getLocalAddress();
        log.info("Embedded MongoDB-wire server listening on {}:{} ({})", address.getHostString(), address.getPort(), storage);
        return new EmbeddedMongoServer(server, address);
    }

    public int port() {
        return address.getPort();
    }

    public String connectionString(String database) {
        return "mongodb://" + address.getHostString() + ":" + address.getPort() + "/" + database;
    }

    /** Closes client connections, then flushes and closes the store. */
    @Override
    public void close() {
        server.shutdownNow();
        log.info("Embedded MongoDB-wire server stopped");
    }
}

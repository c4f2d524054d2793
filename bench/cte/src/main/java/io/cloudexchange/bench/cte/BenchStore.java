package io.cloudexchange.bench.cte;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudexchange.core.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The store under test: the embedded MongoDB-wire server on its H2 MVStore file, started as the platform starts
 * it, or a real MongoDB given by URI.
 */
final class BenchStore implements AutoCloseable {

    static final String DATABASE = "cebench";

    private final EmbeddedMongoServer server;
    private final MongoClient client;
    final MongoTemplate mongo;

    private BenchStore(EmbeddedMongoServer server, String uri) {
        this.server = server;
        this.client = MongoClients.create(uri);
        String database = new com.mongodb.ConnectionString(uri).getDatabase();
        this.mongo = new MongoTemplate(client, database == null ? DATABASE : database);
    }

    /** {@code mongodbUri} null: the embedded server on {@code storeDir}. */
    static BenchStore open(String mongodbUri, Path storeDir) {
        if (mongodbUri != null) {
            return new BenchStore(null, mongodbUri);
        }
        EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0);
        return new BenchStore(server, server.connectionString(DATABASE));
    }

    boolean embedded() {
        return server != null;
    }

    String describe() {
        return embedded() ? "embedded (mongo-java-server, H2 MVStore file)" : "MongoDB " + mongo.getDb().getName();
    }

    @Override
    public void close() {
        client.close();
        if (server != null) {
            server.close();
        }
    }
}

package io.cloudexchange.core.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Run in a child JVM by {@link EmbeddedMongoServerTest}: starts the durable server, writes one acknowledged
 * document, reports it and waits to be killed.
 */
public final class MongoStoreWriter {

    static final String WRITTEN = "written";

    private MongoStoreWriter() {
    }

    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(Path.of(args[0]), 0);
        try (MongoClient client = MongoClients.create(server.connectionString("cloudexchange"))) {
            client.getDatabase("cloudexchange").getCollection("notes").insertOne(new Document("_id", args[1]));
        }
        System.out.println(WRITTEN);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}

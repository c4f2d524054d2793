package io.cloudexchange.core.embedded;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Run in a child JVM with a heap smaller than the collection by {@link EmbeddedMongoServerTest}: opens the store with
 * an 8 MB page cache, counts the documents matching a filter (an aggregation) and reads the first page of a sort, and
 * prints both. Before the platform's store read them lazily, both ran out of memory.
 */
public final class LargeCollectionReader {

    private LargeCollectionReader() {
    }

    public static void main(String[] args) {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(Path.of(args[0]), 0, 8);
             MongoClient client = MongoClients.create(server.connectionString("cloudexchange"))) {
            MongoCollection<Document> notes = client.getDatabase("cloudexchange").getCollection("notes");
            long count = notes.countDocuments(new Document("score", new Document("$gte", 0)));
            List<Object> top = notes.find().sort(new Document("score", -1)).limit(3)
                    .projection(new Document("score", 1)).map(document -> document.get("_id")).into(new ArrayList<>());
            System.out.println("count=" + count + " top=" + top);
        }
    }
}

package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.result.UpdateResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store's update fast path ({@link PlainUpdate}) against the server's general update code (the in-memory
 * backend has no fast path): thousands of random updates by {@code _id}, upserts among them, on documents with nested
 * documents, arrays, scalars and numbers of every type, each applied to both stores, which must answer the same
 * (matched, modified, upserted id, or the same error code) and hold the same document afterwards, field types and
 * order included.
 */
class PlainUpdateEquivalenceTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final List<String> IDS = List.of("d1", "d2", "d3", "d4");
    private static final int FILLERS = 400;
    private static final List<String> PATHS = List.of("a", "b", "n", "c.x", "c.y", "c.z.w", "c", "l", "l.0", "s",
            "s.t", "tags", "src.k1.hits", "src.k1.lastBatchId", "src.k2.seen", "nul", "nul.x", "_id");
    private static final List<String> OPERATORS = List.of("$set", "$setOnInsert", "$unset", "$inc", "$min", "$max",
            "$addToSet", "$push", "$mul");

    @TempDir
    Path storeDir;

    private final Random random = new Random(20261129);

    @Test
    void randomUpdatesLeaveTheSameDocumentsAndAnswersAsTheServersGeneralCode() {
        int fastPath = 0;
        int cases = 3000;
        List<String> expectedAtTheEnd = new ArrayList<>();
        try (EmbeddedMongoServer reference = EmbeddedMongoServer.startInMemory(0);
             MongoClient referenceClient = MongoClients.create(reference.connectionString("db"))) {
            MongoCollection<Document> general = referenceClient.getDatabase("db").getCollection("docs");
            try (EmbeddedMongoServer durable = EmbeddedMongoServer.startDurable(storeDir, 0);
                 MongoClient fastClient = MongoClients.create(durable.connectionString("db"))) {
                MongoCollection<Document> fast = fastClient.getDatabase("db").getCollection("docs");
                List<Document> seeds = new ArrayList<>();
                IDS.subList(0, 2).forEach(id -> seeds.add(seed(id)));
                for (int i = 0; i < FILLERS; i++) {
                    // In the store's pages beside the updated documents.
                    seeds.add(new Document("_id", IDS.get(i % IDS.size()) + "." + i).append("filler", "f".repeat(500)));
                }
                for (Document seed : seeds) {
                    fast.insertOne(Document.parse(seed.toJson(EXACT)));
                    general.insertOne(Document.parse(seed.toJson(EXACT)));
                }
                fastPath += applyRandomUpdates(fast, general, cases);
            }
            // Reopened, the store reads its pages from the file while it writes: the documents beside a changed one
            // are written back with the BSON they were read with.
            for (int reopening = 0; reopening < 10; reopening++) {
                try (EmbeddedMongoServer durable = EmbeddedMongoServer.startDurable(storeDir, 0);
                     MongoClient fastClient = MongoClients.create(durable.connectionString("db"))) {
                    fastPath += applyRandomUpdates(fastClient.getDatabase("db").getCollection("docs"), general,
                            cases / 30);
                }
            }
            general.find().sort(new Document("_id", 1)).forEach(document -> expectedAtTheEnd.add(json(document)));
        }
        assertThat(fastPath).as("updates the fast path applied").isGreaterThan(cases / 6);
        // What the file holds: documents the fast path stored with the BSON it encoded, others as changed in place.
        try (EmbeddedMongoServer reopened = EmbeddedMongoServer.startDurable(storeDir, 0);
             MongoClient client = MongoClients.create(reopened.connectionString("db"))) {
            List<String> stored = new ArrayList<>();
            client.getDatabase("db").getCollection("docs").find().sort(new Document("_id", 1))
                    .forEach(document -> stored.add(json(document)));
            assertThat(stored).hasSize(expectedAtTheEnd.size()).isEqualTo(expectedAtTheEnd);
        }
    }

    /** The same random updates on both stores, compared one by one; how many the fast path applied. */
    private int applyRandomUpdates(MongoCollection<Document> fast, MongoCollection<Document> general, int cases) {
        int fastPath = 0;
        for (int i = 0; i < cases; i++) {
            String id = IDS.get(random.nextInt(IDS.size()));
            Document selector = selector(id);
            Document update = update();
            boolean upsert = random.nextBoolean();
            if (takesFastPath(general.find(new Document("_id", id)).first(), selector, update, upsert)) {
                fastPath++;
            }
            String expected = outcome(general, selector, update, upsert);
            String actual = outcome(fast, selector, update, upsert);
            String context = "case " + i + ": updateOne(" + selector.toJson() + ", " + update.toJson() + ", upsert "
                    + upsert + ")";
            assertThat(actual).as(context).isEqualTo(expected);
            assertThat(json(fast.find(new Document("_id", id)).first())).as(context)
                    .isEqualTo(json(general.find(new Document("_id", id)).first()));
            if (random.nextInt(40) == 0) {
                fast.deleteOne(new Document("_id", id));
                general.deleteOne(new Document("_id", id));
            }
        }
        return fastPath;
    }

    private static String json(Document document) {
        return document == null ? "none" : document.toJson(EXACT);
    }

    private static String outcome(MongoCollection<Document> collection, Document selector, Document update,
                                  boolean upsert) {
        try {
            UpdateResult result = collection.updateOne(selector, update, new UpdateOptions().upsert(upsert));
            return "matched " + result.getMatchedCount() + ", modified " + result.getModifiedCount() + ", upserted "
                    + result.getUpsertedId();
        } catch (MongoWriteException e) {
            return "error " + e.getError().getCode();
        }
    }

    /** Whether the durable store answers this update without the general code (for the test's coverage). */
    private static boolean takesFastPath(Document current, Document selector, Document update, boolean upsert) {
        if (selector.containsKey("a")) {
            return false; // a lone $eq condition is copied into an upserted document: the general code's case
        }
        PlainUpdate plain = PlainUpdate.of(serverDocument(update), "_id");
        if (plain == null || current == null && !upsert) {
            return plain != null;
        }
        Document base = current != null ? current : new Document("_id", selector.get("_id"));
        return plain.applyTo(serverDocument(base), current == null) != null;
    }

    private static de.bwaldvogel.mongo.bson.Document serverDocument(Document document) {
        de.bwaldvogel.mongo.bson.Document converted = new de.bwaldvogel.mongo.bson.Document();
        document.forEach((key, value) -> converted.put(key, serverValue(value)));
        return converted;
    }

    private static Object serverValue(Object value) {
        if (value instanceof Document document) {
            return serverDocument(document);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(PlainUpdateEquivalenceTest::serverValue).toList();
        }
        if (value instanceof Date date) {
            return date.toInstant();
        }
        return value;
    }

    private Document seed(String id) {
        return new Document("_id", id).append("a", 1).append("c", new Document("x", 2.5).append("y", "why"))
                .append("l", new ArrayList<>(List.of(1, "two"))).append("s", "scalar").append("nul", null)
                .append("tags", new ArrayList<>(List.of("t1")))
                .append("src", new Document("k1", new Document("hits", 3).append("lastBatchId", "b1")));
    }

    private Document selector(String id) {
        Document selector = new Document("_id", id);
        switch (random.nextInt(4)) {
            case 0 -> selector.append("src.k1.lastBatchId", new Document("$ne", "b" + random.nextInt(3)));
            case 1 -> selector.append("a", new Document("$eq", random.nextInt(3)));
            default -> {
            }
        }
        return selector;
    }

    private Document update() {
        Document update = new Document();
        int operators = 1 + random.nextInt(3);
        for (int i = 0; i < operators; i++) {
            String operator = random.nextInt(5) == 0 ? OPERATORS.get(random.nextInt(OPERATORS.size()))
                    : OPERATORS.get(random.nextInt(7));
            Document fields = update.get(operator, Document.class);
            if (fields == null) {
                fields = new Document();
                update.append(operator, fields);
            }
            int count = 1 + random.nextInt(3);
            for (int j = 0; j < count; j++) {
                String path = random.nextInt(6) == 0 ? PATHS.get(random.nextInt(PATHS.size()))
                        : PATHS.get(random.nextInt(PATHS.size() - 5));
                fields.append(path, valueFor(operator));
            }
        }
        return update;
    }

    private Object valueFor(String operator) {
        return switch (operator) {
            case "$inc", "$mul" -> random.nextInt(8) == 0 ? "not a number" : number();
            case "$addToSet" -> random.nextBoolean() ? new Document("$each", Arrays.asList(value(), value())) : value();
            case "$unset" -> "";
            default -> value();
        };
    }

    private Object number() {
        return switch (random.nextInt(4)) {
            case 0 -> random.nextInt(5);
            case 1 -> (long) random.nextInt(5);
            case 2 -> random.nextInt(5) + 0.5;
            default -> (double) random.nextInt(3);
        };
    }

    private Object value() {
        return switch (random.nextInt(8)) {
            case 0, 1 -> number();
            case 2 -> "v" + random.nextInt(4);
            case 3 -> null;
            case 4 -> new Date(1_700_000_000_000L + random.nextInt(3) * 1000L);
            case 5 -> new Document("k", random.nextInt(3));
            case 6 -> new ArrayList<>(List.of("t" + random.nextInt(3)));
            default -> random.nextBoolean();
        };
    }
}

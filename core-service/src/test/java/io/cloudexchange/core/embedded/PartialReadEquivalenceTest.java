package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoException;
import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.bson.BsonValue;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The durable store's scans, which decode of each document only the fields its query and sort read
 * ({@link FieldsRead}), against the in-memory backend, which decodes nothing partially: thousands of random finds
 * (logical operators, nested paths, arrays, operators the store cannot see through), with random sorts, skips, limits
 * and projections, counts and distinct values, on the same documents. Both must answer the same, in the same order.
 */
class PartialReadEquivalenceTest {

    private static final JsonWriterSettings EXACT = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int DOCUMENTS = 400;
    private static final List<String> PATHS = List.of("a", "b", "c.x", "c.y", "c", "tags", "arr.k", "arr", "d", "n",
            "flag", "missing", "_id");
    /** No sort on an array: the server's order of arrays is not a total order, so a sort's result then depends on the
     * sorting algorithm (a bounded heap here, a full sort in the server), not on the fields decoded. */
    private static final List<Document> SORTS = List.of(new Document("a", 1), new Document("b", -1).append("_id", 1),
            new Document("c.x", 1).append("a", -1), new Document("d", -1), new Document("_id", -1),
            new Document("$natural", -1), new Document("n", 1).append("_id", -1));
    private static final List<Document> PROJECTIONS = List.of(new Document("a", 1), new Document("b", 1).append("_id", 0),
            new Document("c.x", 1), new Document("a", 0), new Document("tags", new Document("$slice", 1)),
            new Document("arr", new Document("$elemMatch", new Document("k", "k1"))), new Document("_id", 1),
            new Document("b", true).append("flag", 1));

    @TempDir
    Path storeDir;

    private final Random random = new Random(20261207);

    @Test
    void findsCountsAndDistinctValuesAnswerAsTheServerDoesOnWholeDocuments() {
        try (EmbeddedMongoServer durable = EmbeddedMongoServer.startDurable(storeDir, 0);
             EmbeddedMongoServer reference = EmbeddedMongoServer.startInMemory(0);
             MongoClient durableClient = MongoClients.create(durable.connectionString("db"));
             MongoClient referenceClient = MongoClients.create(reference.connectionString("db"))) {
            MongoCollection<Document> partial = durableClient.getDatabase("db").getCollection("docs");
            MongoCollection<Document> whole = referenceClient.getDatabase("db").getCollection("docs");
            for (int i = 0; i < DOCUMENTS; i++) {
                // In _id order, so that both stores' natural order is the same.
                Document document = document(i);
                partial.insertOne(Document.parse(document.toJson(EXACT)));
                whole.insertOne(Document.parse(document.toJson(EXACT)));
            }
            int nonEmpty = 0;
            for (int i = 0; i < 2000; i++) {
                Document query = query(0);
                Document sort = random.nextInt(3) == 0 ? null : SORTS.get(random.nextInt(SORTS.size()));
                Document projection = random.nextInt(3) == 0 ? null : PROJECTIONS.get(random.nextInt(PROJECTIONS.size()));
                int skip = random.nextInt(4) == 0 ? random.nextInt(20) : 0;
                int limit = random.nextInt(3) == 0 ? 1 + random.nextInt(30) : 0;
                String context = "case " + i + ": find(" + query.toJson() + ") sort " + (sort == null ? "-" : sort.toJson())
                        + " projection " + (projection == null ? "-" : projection.toJson()) + " skip " + skip + " limit "
                        + limit;
                List<String> expected = outcome(() -> find(whole, query, sort, projection, skip, limit));
                assertThat(outcome(() -> find(partial, query, sort, projection, skip, limit))).as(context)
                        .isEqualTo(expected);
                nonEmpty += expected.size() > 1 ? 1 : 0;
                if (i % 5 == 0) {
                    assertThat(outcome(() -> List.of(String.valueOf(partial.countDocuments(query))))).as("count " + context)
                            .isEqualTo(outcome(() -> List.of(String.valueOf(whole.countDocuments(query)))));
                    assertThat(outcome(() -> countCommand(durableClient.getDatabase("db"), query))).as("count command " + context)
                            .isEqualTo(outcome(() -> countCommand(referenceClient.getDatabase("db"), query)));
                    String field = PATHS.get(random.nextInt(PATHS.size()));
                    assertThat(outcome(() -> partial.distinct(field, query, BsonValue.class).map(String::valueOf)
                            .into(new ArrayList<>()))).as("distinct " + field + " " + context)
                            .isEqualTo(outcome(() -> whole.distinct(field, query, BsonValue.class).map(String::valueOf)
                                    .into(new ArrayList<>())));
                }
            }
            assertThat(nonEmpty).as("queries that found several documents").isGreaterThan(400);
        }
    }

    private static List<String> find(MongoCollection<Document> collection, Document query, Document sort,
                                     Document projection, int skip, int limit) {
        FindIterable<Document> find = collection.find(query).skip(skip).limit(limit).batchSize(7);
        if (sort != null) {
            find = find.sort(sort);
        }
        if (projection != null) {
            find = find.projection(projection);
        }
        List<String> found = new ArrayList<>();
        find.forEach(document -> found.add(document.toJson(EXACT)));
        return found;
    }

    private static List<String> countCommand(MongoDatabase database, Document query) {
        return List.of(String.valueOf(database.runCommand(new Document("count", "docs").append("query", query)).get("n")));
    }

    /** The answer, or the error code when the server refuses the query. */
    private static List<String> outcome(Supplier<List<String>> call) {
        try {
            return call.get();
        } catch (MongoException e) {
            return List.of("error " + e.getCode());
        }
    }

    private Document document(int i) {
        Document document = new Document("_id", String.format("doc-%04d", i));
        if (random.nextInt(8) != 0) {
            document.append("a", random.nextInt(5) == 0 ? (Object) (long) random.nextInt(20) : random.nextInt(20));
        }
        document.append("b", "text " + random.nextInt(10));
        if (random.nextInt(4) != 0) {
            document.append("c", new Document("x", random.nextInt(6)).append("y", random.nextBoolean() ? "y" : null));
        }
        List<String> tags = new ArrayList<>();
        for (int t = random.nextInt(4); t > 0; t--) {
            tags.add("tag" + random.nextInt(5));
        }
        document.append("tags", tags);
        List<Document> arr = new ArrayList<>();
        for (int k = random.nextInt(3); k > 0; k--) {
            arr.add(new Document("k", "k" + random.nextInt(3)).append("v", random.nextInt(9)));
        }
        document.append("arr", arr);
        document.append("d", Date.from(Instant.parse("2026-12-01T00:00:00Z").plusSeconds(random.nextInt(100) * 3600L)));
        if (random.nextBoolean()) {
            document.append("n", random.nextBoolean() ? null : 1.5);
        }
        document.append("flag", random.nextBoolean());
        // Large values after the fields queried: what a partial read skips.
        document.append("sources", new Document("s1", new Document("hits", random.nextInt(9)).append("text", "x".repeat(200))));
        return document;
    }

    private Document query(int depth) {
        int kind = random.nextInt(depth < 2 ? 12 : 8);
        return switch (kind) {
            case 0, 1, 2 -> new Document(path(), condition());
            case 3 -> new Document(path(), condition()).append(path(), condition());
            case 4 -> new Document();
            case 5 -> new Document("tags", new Document("$all", List.of("tag" + random.nextInt(5))));
            case 6 -> new Document("arr", new Document("$elemMatch", new Document("k", "k" + random.nextInt(3))
                    .append("v", new Document("$gte", random.nextInt(9)))));
            case 7 -> new Document("$expr", new Document("$gt", List.of("$a", "$c.x")));
            case 8 -> new Document("$and", List.of(query(depth + 1), query(depth + 1)));
            case 9 -> new Document("$or", List.of(query(depth + 1), query(depth + 1)));
            case 10 -> new Document("$nor", List.of(query(depth + 1)));
            default -> new Document(path(), new Document("$not", new Document("$gt", random.nextInt(20))));
        };
    }

    private String path() {
        return PATHS.get(random.nextInt(PATHS.size()));
    }

    private Object condition() {
        return switch (random.nextInt(10)) {
            case 0 -> random.nextInt(20);
            case 1 -> "text " + random.nextInt(10);
            case 2 -> new Document("$gt", random.nextInt(20));
            case 3 -> new Document("$ne", random.nextBoolean() ? null : random.nextInt(6));
            case 4 -> new Document("$exists", random.nextBoolean());
            case 5 -> new Document("$in", List.of(random.nextInt(20), "tag" + random.nextInt(5), "text 3"));
            case 6 -> new Document("$regex", "^t.*" + random.nextInt(5));
            case 7 -> new Document("$lte", Date.from(Instant.parse("2026-12-02T00:00:00Z")));
            case 8 -> null;
            default -> new Document("$size", random.nextInt(3));
        };
    }
}

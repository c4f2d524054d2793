package io.cloudexchange.core.query;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The in-memory matcher and the MongoDB filter of the same query select the same records: random
 * queries over random records (missing fields, nulls, lists, nested documents, values of the wrong
 * kind), run through the embedded MongoDB-wire server and through {@link RecordMatcher}.
 */
class MongoEquivalenceTest {

    private static final long SEED = 20260510L;
    private static final int QUERIES = 300;
    private static final QueryFields FIELDS = QueryFields.of(
            QueryField.of("s", "s", FieldType.STRING),
            QueryField.of("n", "n", FieldType.NUMBER),
            QueryField.of("b", "b", FieldType.BOOLEAN),
            QueryField.of("d", "d", FieldType.DATETIME),
            QueryField.of("tags", "tags", FieldType.STRING),
            QueryField.of("nx", "nested.x", FieldType.STRING),
            QueryField.of("any", "any", FieldType.ANY));
    private static final String[] STRINGS = {"", "a", "ab", "abc", "B", "b.c", "é", "zz", "A"};
    private static final String[] NUMBERS = {"0", "1", "-1", "2.5", "3", "100", "1e2"};
    private static final String[] DATES = {"\"2026-01-01\"", "\"2026-03-01T10:00:00Z\"", "now - 30d", "now"};
    private static final String[] REGEXES = {"^a", "b$", "a.c", "(?i)^b", "[ab]+c", "^$", "\\\\.", "^(?:a|z)"};

    private static MongoServer server;
    private static MongoClient client;
    private static MongoCollection<Document> collection;
    private static List<Document> stored;

    @BeforeAll
    static void storeRandomRecords() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create(server.bindAndGetConnectionString());
        collection = client.getDatabase("equivalence").getCollection("records");
        Random random = new Random(SEED);
        List<Document> records = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            records.add(record(i, random));
        }
        collection.insertMany(records);
        stored = collection.find().into(new ArrayList<>());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdownNow();
    }

    @Test
    void matcherAndMongoFilterSelectTheSameRecords() {
        Random random = new Random(SEED);
        int selective = 0;
        for (int i = 0; i < QUERIES; i++) {
            String query = query(random, 0);
            CompiledQuery compiled = FIELDS.compile(query, QueryFieldsTest.CLOCK);
            RecordMatcher matcher = compiled.toMatcher();

            Set<Integer> inMongo = new TreeSet<>();
            collection.find(compiled.toMongoFilter()).forEach(d -> inMongo.add(d.getInteger("_id")));
            Set<Integer> inMemory = new TreeSet<>();
            stored.stream().filter(matcher::matches).forEach(d -> inMemory.add(d.getInteger("_id")));

            List<String> differing = stored.stream()
                    .filter(d -> inMongo.contains(d.getInteger("_id")) != inMemory.contains(d.getInteger("_id")))
                    .map(d -> d.toJson() + (inMongo.contains(d.getInteger("_id")) ? " only in MongoDB" : " only in memory"))
                    .toList();
            assertThat(differing).as("query %s, filter %s", query, compiled.toMongoFilter().toJson()).isEmpty();
            if (!inMongo.isEmpty() && inMongo.size() < stored.size()) {
                selective++;
            }
        }
        assertThat(selective).as("queries that select some records but not all").isGreaterThan(QUERIES / 2);
    }

    private static Document record(int id, Random random) {
        Document record = new Document("_id", id);
        maybe(random, record, "s", () -> pick(random, () -> STRINGS[random.nextInt(STRINGS.length)],
                () -> random.nextInt(3), () -> List.of(STRINGS[random.nextInt(STRINGS.length)], "zz")));
        maybe(random, record, "n", () -> pick(random, () -> random.nextInt(5) - 1, () -> (long) random.nextInt(200),
                () -> random.nextInt(8) / 2.0, () -> "1", () -> List.of(random.nextInt(4), 100)));
        maybe(random, record, "b", () -> pick(random, random::nextBoolean, () -> "true", () -> 1));
        maybe(random, record, "d", () -> pick(random,
                () -> Date.from(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(200) * 86_400L)),
                () -> "2026-01-01", () -> 5));
        maybe(random, record, "tags", () -> pick(random, () -> List.of(), () -> List.of("a", "B"),
                () -> List.of(STRINGS[random.nextInt(STRINGS.length)]), () -> "ab"));
        maybe(random, record, "nested", () -> pick(random,
                () -> new Document("x", STRINGS[random.nextInt(STRINGS.length)]),
                () -> List.of(new Document("x", "a"), new Document("x", STRINGS[random.nextInt(STRINGS.length)])),
                () -> new Document("y", "a"), () -> "a"));
        maybe(random, record, "any", () -> pick(random, () -> STRINGS[random.nextInt(STRINGS.length)],
                () -> random.nextInt(4), random::nextBoolean, () -> Date.from(QueryFieldsTest.CLOCK.instant())));
        return record;
    }

    private static void maybe(Random random, Document record, String key, Supplier<Object> value) {
        int roll = random.nextInt(10);
        if (roll == 0) {
            record.put(key, null);
        } else if (roll > 1) {
            record.put(key, value.get());
        }
    }

    @SafeVarargs
    private static Object pick(Random random, Supplier<Object>... choices) {
        int roll = random.nextInt(choices.length + 2);
        return choices[roll < 3 ? 0 : roll - 2].get();
    }

    private static String query(Random random, int depth) {
        int roll = random.nextInt(depth >= 3 ? 6 : 10);
        if (roll >= 8) {
            return "(" + query(random, depth + 1) + (roll == 8 ? " AND " : " OR ") + query(random, depth + 1) + ")";
        }
        if (roll == 6 || roll == 7) {
            return "NOT " + query(random, depth + 1);
        }
        return condition(random);
    }

    private static String condition(Random random) {
        switch (random.nextInt(7)) {
            case 0, 4, 5: {
                String field = new String[] {"s", "tags", "nx"}[random.nextInt(3)];
                return switch (random.nextInt(7)) {
                    case 0 -> field + " contains " + quoted(STRINGS[1 + random.nextInt(STRINGS.length - 1)]);
                    case 1 -> field + " regex \"" + REGEXES[random.nextInt(REGEXES.length)] + "\"";
                    case 2 -> field + " IN (" + quoted(STRINGS[random.nextInt(STRINGS.length)]) + ", \"zz\")";
                    case 3 -> field + " NOT IN (" + quoted(STRINGS[random.nextInt(STRINGS.length)]) + ")";
                    default -> field + " " + comparison(random) + " " + quoted(STRINGS[random.nextInt(STRINGS.length)]);
                };
            }
            case 1: {
                String number = NUMBERS[random.nextInt(NUMBERS.length)];
                return switch (random.nextInt(4)) {
                    case 0 -> "n IN (" + number + ", 3)";
                    case 1 -> "n NOT IN (" + number + ")";
                    default -> "n " + comparison(random) + " " + number;
                };
            }
            case 2:
                return "b " + (random.nextBoolean() ? "==" : "!=") + " " + random.nextBoolean();
            case 3:
                return "d " + comparison(random) + " " + DATES[random.nextInt(DATES.length)];
            default: {
                String value = switch (random.nextInt(4)) {
                    case 0 -> quoted(STRINGS[random.nextInt(STRINGS.length)]);
                    case 1 -> NUMBERS[random.nextInt(NUMBERS.length)];
                    case 2 -> Boolean.toString(random.nextBoolean());
                    default -> "now";
                };
                return "any " + comparison(random) + " " + value;
            }
        }
    }

    private static String comparison(Random random) {
        return new String[] {"==", "!=", "<", "<=", ">", ">="}[random.nextInt(6)];
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}

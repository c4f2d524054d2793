package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoCommandException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    @TempDir
    Path storeDir;

    @Test
    void dataSurvivesARestart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> notes.insertOne(new Document("_id", "n1").append("text", "kept")));
        }

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> assertThat(notes.find(new Document("_id", "n1")).first())
                    .containsEntry("text", "kept"));
        }
    }

    @Test
    void acknowledgedWriteSurvivesKillMinusNine() throws Exception {
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MongoStoreWriter.class.getName(), storeDir.toString(), "n2")
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = output.readLine();
            } while (line != null && !line.equals(MongoStoreWriter.WRITTEN));
            assertThat(line).as("writer reported its write").isEqualTo(MongoStoreWriter.WRITTEN);
        } finally {
            writer.destroyForcibly(); // SIGKILL: no shutdown hook, no store close
            writer.waitFor(30, TimeUnit.SECONDS);
        }

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> assertThat(notes.countDocuments(new Document("_id", "n2"))).isEqualTo(1));
        }
    }

    @Test
    void inMemoryServerListensOnAFreeLoopbackPort() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startInMemory(0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.connectionString("db")).isEqualTo("mongodb://127.0.0.1:" + server.port() + "/db");
            withCollection(server, notes -> {
                notes.insertOne(new Document("_id", "n3"));
                assertThat(notes.countDocuments()).isEqualTo(1);
            });
        }
    }

    @Test
    void sortedPagesCountsAndAggregationsAnswerAsAFullSortWouldWithoutHoldingTheCollection() {
        List<Document> all = new ArrayList<>();
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 400; i++) {
            all.add(new Document("_id", String.format("id-%03d", (i * 37) % 400)).append("score", random.nextInt(20))
                    .append("kind", i % 3 == 0 ? "url" : "domain").append("note", "n" + i));
        }
        List<Document> inIdOrder = all.stream().sorted(java.util.Comparator.comparing(d -> d.getString("_id"))).toList();
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                notes.insertMany(all);
                Document urls = new Document("kind", "url");
                java.util.Comparator<Document> byScoreDesc = java.util.Comparator.comparing(d -> -d.getInteger("score"));
                List<Document> expected = inIdOrder.stream().filter(d -> d.get("kind").equals("url")).sorted(byScoreDesc)
                        .toList();
                for (int skip : new int[] {0, 7, 120, 500}) {
                    List<Document> page = notes.find(urls).sort(new Document("score", -1)).skip(skip).limit(25)
                            .into(new ArrayList<>());
                    assertThat(page).as("skip %d, ties in the order read (_id)", skip)
                            .isEqualTo(expected.subList(Math.min(skip, expected.size()), Math.min(skip + 25, expected.size())));
                }
                List<Document> projected = notes.find().sort(new Document("score", 1).append("_id", -1)).limit(5)
                        .projection(new Document("score", 1)).into(new ArrayList<>());
                assertThat(projected).isEqualTo(all.stream()
                        .sorted(java.util.Comparator.<Document, Integer>comparing(d -> d.getInteger("score"))
                                .thenComparing(d -> d.getString("_id"), java.util.Comparator.reverseOrder()))
                        .limit(5).map(d -> new Document("_id", d.get("_id")).append("score", d.get("score"))).toList());
                assertThat(notes.countDocuments(urls)).isEqualTo(expected.size());
                assertThat(notes.countDocuments()).isEqualTo(400);
                Document sum = notes.aggregate(List.of(new Document("$match", urls), new Document("$group",
                        new Document("_id", "$kind").append("total", new Document("$sum", "$score"))))).first();
                assertThat(sum.getInteger("total")).isEqualTo(expected.stream().mapToInt(d -> d.getInteger("score")).sum());
            });
        }
    }

    @Test
    void aCollectionLargerThanTheHeapCanBeCountedAndPagedInSortedOrder() throws Exception {
        String payload = "x".repeat(16 * 1024);
        int documents = 6_000;
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                List<Document> chunk = new ArrayList<>();
                for (int i = 0; i < documents; i++) {
                    chunk.add(new Document("_id", String.format("n%05d", i)).append("score", i).append("payload", payload));
                    if (chunk.size() == 500) {
                        notes.insertMany(chunk);
                        chunk.clear();
                    }
                }
            });
        }

        Process reader = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-cp", System.getProperty("java.class.path"), LargeCollectionReader.class.getName(),
                storeDir.toString()).redirectErrorStream(true).start();
        String output = new String(reader.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(reader.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output).as("96 MB of documents read in a 64 MB heap").doesNotContain("OutOfMemoryError")
                .contains("count=" + documents + " top=[n05999, n05998, n05997]");
        assertThat(reader.exitValue()).isZero();
    }

    @Test
    void queryWithAnIdAndMoreConditionsMatchesTheWholeQueryAfterARestart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> notes.insertMany(List.of(new Document("_id", "a").append("batch", "b1"),
                    new Document("_id", "b").append("batch", "b2"))));
        }
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                Document notCounted = new Document("_id", "a").append("batch", new Document("$ne", "b2"));
                assertThat(notes.updateOne(notCounted, new Document("$set", new Document("batch", "b2")))
                        .getModifiedCount()).isEqualTo(1);
                assertThat(notes.updateOne(notCounted, new Document("$set", new Document("batch", "b3")))
                        .getModifiedCount()).as("the $ne condition is still applied").isZero();
                assertThat(notes.find(new Document("_id", "b").append("batch", "b1")).first()).isNull();
                assertThat(notes.find(new Document("_id", "b").append("batch", "b2")).first()).containsEntry("_id", "b");
            });
        }
    }

    @Test
    void secondaryIndexesAreStillListedAndQueriesAnsweredAfterARestart() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                notes.insertMany(List.of(new Document("_id", "a").append("text", "x"), new Document("_id", "b").append("text", "y")));
                notes.createIndex(new Document("text", 1));
            });
        }
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                assertThat(notes.listIndexes().map(index -> index.getString("name")).into(new ArrayList<>()))
                        .contains("_id_", "text_1");
                notes.insertOne(new Document("_id", "c").append("text", "x"));
                assertThat(notes.find(new Document("text", "x")).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .containsExactlyInAnyOrder("a", "c");
            });
        }
    }

    @Test
    void idRangeInIdOrderWithALimitReadsAPageFromThatIdOn() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                for (String id : List.of("e", "a", "d", "c", "b", "f")) {
                    notes.insertOne(new Document("_id", id).append("kept", !id.equals("d")));
                }
                Document kept = new Document("kept", true);
                Document byId = new Document("_id", 1);
                assertThat(notes.find(new Document("_id", new Document("$gt", "a")).append("$and", List.of(kept)))
                        .sort(byId).limit(3).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .containsExactly("b", "c", "e");
                assertThat(notes.find(new Document("_id", new Document("$gte", "e")).append("$and", List.of(kept)))
                        .sort(byId).limit(3).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .containsExactly("e", "f");
                assertThat(notes.find(new Document("_id", new Document("$gte", "")))
                        .sort(new Document("_id", -1)).limit(2).map(d -> d.getString("_id")).into(new ArrayList<>()))
                        .as("another order is sorted as before").containsExactly("f", "e");
            });
        }
    }

    @Test
    void splitVectorAnswersTheIdsThatSplitACollectionIntoRangesOfTheSizeAsked() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0);
             MongoClient client = MongoClients.create(server.connectionString("cloudexchange"))) {
            MongoDatabase database = client.getDatabase("cloudexchange");
            List<Document> notes = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                notes.add(new Document("_id", String.format("n%04d", i)));
            }
            database.getCollection("notes").insertMany(notes);
            database.getCollection("notes").insertOne(new Document("_id", 5));

            Document split = database.runCommand(new Document("splitVector", "cloudexchange.notes")
                    .append("keyPattern", new Document("_id", 1)).append("maxChunkObjects", 300));
            assertThat(split.getList("splitKeys", Document.class)).extracting(key -> key.get("_id"))
                    .containsExactly("n0299", "n0599", "n0899");
            assertThat(database.runCommand(new Document("splitVector", "cloudexchange.none")
                    .append("keyPattern", new Document("_id", 1)).append("maxChunkObjects", 300))
                    .getList("splitKeys", Document.class)).isEmpty();

            assertThatThrownBy(() -> database.runCommand(new Document("splitVector", "notes")
                    .append("keyPattern", new Document("_id", 1)).append("maxChunkObjects", 300)))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(73));
            assertThatThrownBy(() -> database.runCommand(new Document("splitVector", "cloudexchange.notes")
                    .append("keyPattern", new Document("email", 1)).append("maxChunkObjects", 300)))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
            assertThatThrownBy(() -> database.runCommand(new Document("splitVector", "cloudexchange.notes")
                    .append("keyPattern", new Document("_id", 1)).append("maxChunkObjects", 0)))
                    .isInstanceOfSatisfying(MongoCommandException.class, e -> assertThat(e.getErrorCode()).isEqualTo(2));
        }
    }

    @Test
    void scansRunBesideWritesAndEachSeesOneConsistentVersion() throws Exception {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0);
             MongoClient client = MongoClients.create(server.connectionString("cloudexchange"))) {
            MongoCollection<Document> notes = client.getDatabase("cloudexchange").getCollection("notes");
            int written = 3_000;
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                Future<?> writer = threads.submit(() -> {
                    for (int i = 0; i < written; i++) {
                        notes.insertOne(new Document("_id", String.format("n%05d", i)).append("i", i));
                    }
                });
                List<Future<Long>> readers = new ArrayList<>();
                for (int r = 0; r < 2; r++) {
                    readers.add(threads.submit(() -> {
                        long scans = 0;
                        int seen = 0;
                        while (!writer.isDone() || scans == 0) {
                            List<Document> all = notes.find(new Document("i", new Document("$gte", 0)))
                                    .sort(new Document("_id", 1)).into(new ArrayList<>());
                            // Inserted in _id order: a consistent version is a prefix 0..n-1, never with a gap.
                            for (int i = 0; i < all.size(); i++) {
                                assertThat(all.get(i).getInteger("i")).isEqualTo(i);
                            }
                            assertThat(all.size()).isGreaterThanOrEqualTo(seen);
                            seen = all.size();
                            scans++;
                        }
                        return scans;
                    }));
                }
                writer.get(2, TimeUnit.MINUTES);
                for (Future<Long> reader : readers) {
                    assertThat(reader.get(2, TimeUnit.MINUTES)).isPositive();
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(notes.countDocuments()).isEqualTo(written);
        }
    }

    private static void withCollection(EmbeddedMongoServer server, Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = MongoClients.create(server.connectionString("cloudexchange"))) {
            action.accept(client.getDatabase("cloudexchange").getCollection("notes"));
        }
    }
}

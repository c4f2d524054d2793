package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.bson.BsonTimestamp;
import org.bson.Document;
import org.bson.UuidRepresentation;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's formats (BSON values, unique index keys compared as values): exact round trips, and stores written in
 * the old (Java serialization) format.
 */
class BsonDocumentStoreTest {

    private static final String DATA_MAP = "databases.cloudexchange.notes";

    @TempDir
    Path storeDir;

    @Test
    void everyStoredBsonTypeRoundTripsExactlyThroughTheFile() {
        Document original = everyType(new ObjectId());
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> notes.insertOne(original));
        }
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                Document read = notes.find(new Document("_id", original.get("_id"))).first();
                assertThat(read).isEqualTo(original);
                assertThat(read.get("int32")).isInstanceOf(Integer.class);
                assertThat(read.get("int64")).isInstanceOf(Long.class);
                assertThat(read.get("smallInt64")).isInstanceOf(Long.class);
                assertThat(read.get("double")).isInstanceOf(Double.class);
                assertThat(read.get("wholeDouble")).isInstanceOf(Double.class);
                assertThat(read.get("date")).isInstanceOf(Date.class);
                assertThat(read.get("decimal")).isInstanceOf(Decimal128.class);
                assertThat(((List<?>) read.get("array")).get(1)).isInstanceOf(Long.class);
                assertThat(read).containsKey("null").containsEntry("null", null);
                assertThat(new ArrayList<>(read.keySet())).as("field order").containsExactlyElementsOf(original.keySet());
            });
        }
        assertThat(storedFormats()).containsExactly("bson");
    }

    @Test
    void valuesWrittenByTheServerRoundTripWithTheirTypes() {
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                notes.insertOne(new Document("_id", "URL:https://a.example/").append("hits", 1).append("big", 1L));
                notes.updateOne(new Document("_id", "URL:https://a.example/"), new Document("$inc",
                        new Document("hits", 1).append("big", 2)).append("$currentDate", new Document("seen", true))
                        .append("$push", new Document("list", new Document("at", Instant.parse("2026-01-02T03:04:05.678Z"))
                                .append("n", 2.5))));
            });
        }
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                Document read = notes.find().first();
                assertThat(read.get("hits")).isEqualTo(2);
                assertThat(read.get("big")).isEqualTo(3L);
                assertThat(read.get("seen")).isInstanceOf(Date.class);
                assertThat(read.getList("list", Document.class)).containsExactly(
                        new Document("at", Date.from(Instant.parse("2026-01-02T03:04:05.678Z"))).append("n", 2.5));
            });
        }
    }

    @Test
    void storeWrittenInTheOldFormatStaysReadableAndConvertsAsDocumentsAreRewritten() {
        Document first = everyType("first");
        Document second = new Document("_id", "second").append("hits", 1L).append("tags", List.of("a", "b"));
        MVStore oldStore = new MVStore.Builder().fileName(storeDir.resolve(EmbeddedMongoServer.STORE_FILE).toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(oldStore));
        try {
            stock.bind("127.0.0.1", 0);
            try (MongoClient client = client("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
                client.getDatabase("cloudexchange").getCollection("notes").insertMany(List.of(first, second));
            }
        } finally {
            stock.shutdownNow();
        }
        assertThat(storedFormats()).as("written by the stock backend").containsExactly("java", "java");

        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> {
                assertThat(notes.find().into(new ArrayList<>())).containsExactlyInAnyOrder(first, second);
                notes.updateOne(new Document("_id", "second"), new Document("$inc", new Document("hits", 1)));
            });
        }
        assertThat(storedFormats()).as("first untouched, second rewritten").containsExactly("java", "bson");

        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                assertThat(notes.find(new Document("_id", "first")).first()).isEqualTo(first);
                Document updated = notes.find(new Document("_id", "second")).first();
                assertThat(updated.get("hits")).isEqualTo(2L);
                assertThat(updated.getList("tags", String.class)).containsExactly("a", "b");
                assertThat(notes.countDocuments()).isEqualTo(2);
            });
        }
    }

    @Test
    void uniqueIndexesOfAStoreWrittenInTheOldFormatAreConvertedOnceAndStillRefuseDuplicates() {
        MVStore oldStore = new MVStore.Builder().fileName(storeDir.resolve(EmbeddedMongoServer.STORE_FILE).toString()).open();
        MongoServer stock = new MongoServer(new H2Backend(oldStore));
        try {
            stock.bind("127.0.0.1", 0);
            try (MongoClient client = client("mongodb://127.0.0.1:" + stock.getLocalAddress().getPort())) {
                MongoCollection<Document> notes = client.getDatabase("cloudexchange").getCollection("notes");
                notes.createIndex(new Document("email", 1), new IndexOptions().unique(true).name("email"));
                for (int i = 0; i < 500; i++) {
                    notes.insertOne(new Document("_id", "note-" + i).append("email", "user" + i + "@example.com"));
                }
                notes.insertOne(new Document("_id", 7).append("email", "seven@example.com"));
            }
        } finally {
            stock.shutdownNow();
        }
        assertThat(mapNames()).contains("cloudexchange.notes._index__id_", "cloudexchange.notes._index_email");

        for (int start = 0; start < 2; start++) {
            try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
                withCollection(server, notes -> {
                    assertThat(notes.countDocuments()).isEqualTo(501);
                    assertThat(notes.find(new Document("_id", "note-321")).first()).containsEntry("email", "user321@example.com");
                    assertThat(notes.find(new Document("_id", 7L)).first()).containsEntry("email", "seven@example.com");
                    assertThatThrownBy(() -> notes.insertOne(new Document("_id", 7.0)))
                            .as("a number id keeps its index entry through the conversion")
                            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
                    assertThat(notes.find(new Document("email", "user7@example.com")).first()).containsEntry("_id", "note-7");
                    assertThatThrownBy(() -> notes.insertOne(new Document("_id", "note-42").append("email", "new@example.com")))
                            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
                    assertThatThrownBy(() -> notes.insertOne(new Document("_id", "other").append("email", "user42@example.com")))
                            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
                });
            }
        }
        assertThat(mapNames()).doesNotContain("cloudexchange.notes._index__id_", "cloudexchange.notes._index_email")
                .contains("cloudexchange.notes._ids_not_keyed_by_themselves", "cloudexchange.notes._unique_email");
    }

    @Test
    void uniqueIndexKeysOfEveryKindFindTheirDocumentAfterARestart() {
        List<Object> ids = List.of("URL:https://a.example/", 42, 42L << 35, 2.5, new ObjectId(), true,
                Date.from(Instant.parse("2026-11-29T13:45:01.123Z")), new Document("a", 1).append("b", "x"),
                UUID.fromString("0b6a4c5e-6d3f-4c0a-9a8e-2f1d3c4b5a69"));
        try (EmbeddedMongoServer server = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(server, notes -> ids.forEach(id -> notes.insertOne(new Document("_id", id).append("of", id.toString()))));
        }
        try (EmbeddedMongoServer restarted = EmbeddedMongoServer.startDurable(storeDir, 0)) {
            withCollection(restarted, notes -> {
                for (Object id : ids) {
                    assertThat(notes.find(new Document("_id", id)).first()).as("%s", id).containsEntry("of", id.toString());
                    assertThatThrownBy(() -> notes.insertOne(new Document("_id", id))).as("%s", id)
                            .isInstanceOfSatisfying(MongoWriteException.class, e -> assertThat(e.getCode()).isEqualTo(11000));
                }
                assertThat(notes.find(new Document("_id", 42.0)).first()).as("42 and 42.0 are the same key").isNotNull();
                notes.deleteOne(new Document("_id", "URL:https://a.example/"));
                notes.insertOne(new Document("_id", "URL:https://a.example/").append("of", "again"));
                assertThat(notes.countDocuments()).isEqualTo(ids.size());
            });
        }
    }

    private List<String> mapNames() {
        MVStore store = new MVStore.Builder().fileName(storeDir.resolve(EmbeddedMongoServer.STORE_FILE).toString())
                .readOnly().open();
        try {
            return new ArrayList<>(store.getMapNames());
        } finally {
            store.close();
        }
    }

    private static Document everyType(Object id) {
        return new Document("_id", id)
                .append("string", "héllo wörld ✓")
                .append("int32", 42)
                .append("int64", 1L << 40)
                .append("smallInt64", 7L)
                .append("double", 3.25)
                .append("wholeDouble", 2.0)
                .append("decimal", Decimal128.parse("1234.5678"))
                .append("true", true)
                .append("false", false)
                .append("null", null)
                .append("date", Date.from(Instant.parse("2026-11-29T13:45:01.123Z")))
                .append("objectId", new ObjectId())
                .append("binary", new Binary(new byte[] {0, 1, (byte) 0xAC, (byte) 0xED, -1}))
                .append("uuid", UUID.fromString("0b6a4c5e-6d3f-4c0a-9a8e-2f1d3c4b5a69"))
                .append("timestamp", new BsonTimestamp(1_700_000_000, 3))
                .append("nested", new Document("a", new Document("b", List.of(1, "two"))).append("empty", new Document()))
                .append("array", List.of("x", 5L, 1.5, new Document("k", "v"), List.of(), List.of(true)))
                .append("emptyString", "");
    }

    /** Per stored document, in key order: "bson" or "java" (the stock backend's serialized object). */
    private List<String> storedFormats() {
        List<String> formats = new ArrayList<>();
        MVStore store = new MVStore.Builder().fileName(storeDir.resolve(EmbeddedMongoServer.STORE_FILE).toString())
                .readOnly().open();
        try {
            MVMap<Object, String> map = store.openMap(DATA_MAP, new MVMap.Builder<Object, String>().valueType(new FormatProbe()));
            map.values().forEach(formats::add);
        } finally {
            store.close();
        }
        return formats;
    }

    private static final class FormatProbe extends BasicDataType<String> {
        private final StoredDocumentType documents = new StoredDocumentType();

        @Override
        public String read(ByteBuffer buffer) {
            String format = buffer.get(buffer.position()) == StoredDocumentType.BSON_MARKER ? "bson" : "java";
            documents.read(buffer);
            return format;
        }

        @Override
        public int getMemory(String format) {
            return 16;
        }

        @Override
        public void write(WriteBuffer buffer, String format) {
            throw new UnsupportedOperationException("read only");
        }

        @Override
        public String[] createStorage(int size) {
            return new String[size];
        }
    }

    private static void withCollection(EmbeddedMongoServer server, Consumer<MongoCollection<Document>> action) {
        try (MongoClient client = client(server.connectionString("cloudexchange"))) {
            action.accept(client.getDatabase("cloudexchange").getCollection("notes"));
        }
    }

    private static MongoClient client(String uri) {
        return MongoClients.create(MongoClientSettings.builder().applyConnectionString(new ConnectionString(uri))
                .uuidRepresentation(UuidRepresentation.STANDARD).build());
    }
}

package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan that reads its pages from the file (the cache is far smaller than the collection) while other commands
 * keep rewriting documents and the store's chunks are compacted: MVStore frees a chunk once no version it keeps
 * needs it, and it keeps only the last few unless a reader says which one it uses. Without that, the count failed
 * with "Chunk N not found" (seen after a million-indicator ingest, when MVStore compacted the idle store).
 */
class ScanDuringCompactionTest {

    private static final int DOCUMENTS = 10_000;

    @TempDir
    Path storeDir;

    @Test
    void countsStayRightWhileWritesAndCompactionFreeOldChunks() throws Exception {
        MVStore store = new MVStore.Builder().fileName(storeDir.resolve("mongo.mv").toString()).cacheSize(1).open();
        // Chunks may be freed as soon as they are dead, not 45 s after they were written: a long ingest, in seconds.
        store.setRetentionTime(0);
        MongoServer server = new MongoServer(new PromptlyCommittingH2Backend(store));
        InetSocketAddress address = server.bind();
        AtomicBoolean scanning = new AtomicBoolean(true);
        AtomicReference<Throwable> churnFailure = new AtomicReference<>();
        try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> docs = client.getDatabase("db").getCollection("docs");
            List<Document> batch = new ArrayList<>();
            for (int i = 0; i < DOCUMENTS; i++) {
                batch.add(new Document("_id", String.format("doc-%06d", i)).append("n", 0).append("pad", "x".repeat(400)));
                if (batch.size() == 1000) {
                    docs.insertMany(batch);
                    batch.clear();
                }
            }
            // As MVStore's background writer does when the store is idle: new versions, and sparse chunks compacted.
            MVMap<Integer, String> side = store.openMap("side");
            Thread churn = new Thread(() -> {
                Random random = new Random(3);
                try {
                    while (scanning.get()) {
                        side.put(random.nextInt(1000), "y".repeat(100));
                        store.compact(95, 1 << 20);
                        store.commit();
                    }
                } catch (Throwable e) {
                    churnFailure.set(e);
                }
            }, "churn");
            churn.start();
            try {
                for (int i = 0; i < 10; i++) {
                    docs.updateMany(new Document(), Updates.inc("n", 1)); // leaves the chunks written so far sparse
                    assertThat(docs.countDocuments()).as("count %d", i).isEqualTo(DOCUMENTS);
                }
            } finally {
                scanning.set(false);
                churn.join();
            }
            assertThat(churnFailure.get()).isNull();
        } finally {
            server.shutdownNow();
        }
    }
}

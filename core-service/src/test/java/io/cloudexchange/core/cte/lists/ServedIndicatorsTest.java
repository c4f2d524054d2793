package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudexchange.core.embedded.EmbeddedMongoServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.data.mongodb.core.MongoTemplate;

/** On the store the product uses by default, whose _id-ordered pages are read from a key on. */
class ServedIndicatorsTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private ServedIndicators served;

    @BeforeEach
    void start(@TempDir Path storeDir) {
        server = EmbeddedMongoServer.startDurable(storeDir, 0);
        client = MongoClients.create(server.connectionString("cloudexchange"));
        mongo = new MongoTemplate(client, "cloudexchange");
        served = new ServedIndicators(mongo, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void anIdOrderedListIsReadPageByPageWithoutLosingOrRepeatingAnIndicator() {
        mongo.getCollection(ServedIndicators.COLLECTION).insertMany(IntStream.range(0, 12_001)
                .mapToObj(i -> new Document("_id", String.format(Locale.ROOT, "DOMAIN:d%05d.test", 12_000 - i))
                        .append("value", "d" + i + ".test").append("active", i % 3 != 0))
                .toList());
        Document filter = served.filter(null, null);

        List<String> all = read(filter, 0);
        assertThat(all).hasSize(8_000).isSorted().doesNotHaveDuplicates();
        assertThat(read(filter, 5_003)).containsExactlyElementsOf(all.subList(0, 5_003));
    }

    @Test
    void aFailingActionStopsTheListWithItsOwnErrorWhileTheNextPageIsBeingRead() {
        mongo.getCollection(ServedIndicators.COLLECTION).insertMany(IntStream.range(0, 12_000)
                .mapToObj(i -> new Document("_id", String.format(Locale.ROOT, "URL:u%05d", i)).append("value", "u" + i))
                .toList());
        IllegalStateException clientGone = new IllegalStateException("client gone");
        List<String> ids = new ArrayList<>();

        assertThatThrownBy(() -> served.forEach(served.filter(null, null),
                new Document("value", 1), new Document("_id", 1), 0, d -> {
                    if (ids.size() == 6_000) {
                        throw clientGone;
                    }
                    ids.add(d.getString("_id"));
                })).isSameAs(clientGone);
        assertThat(ids).hasSize(6_000).isSorted();
    }

    @Test
    void rangesSplitTheIndicatorsIntoConsecutivePartsThatTogetherListEachOnce() {
        mongo.getCollection(ServedIndicators.COLLECTION).insertMany(IntStream.range(0, 10_000)
                .mapToObj(i -> new Document("_id", String.format(Locale.ROOT, "URL:u%05d", i)).append("value", "u" + i)
                        .append("active", i % 4 != 0))
                .toList());

        List<ServedIndicators.IdRange> ranges = served.ranges(2_000);

        assertThat(ranges).hasSize(5);
        assertThat(ranges.get(0).from()).isNull();
        assertThat(ranges.get(ranges.size() - 1).before()).isNull();
        for (int i = 1; i < ranges.size(); i++) {
            assertThat(ranges.get(i).from()).isEqualTo(ranges.get(i - 1).before());
        }
        List<String> listed = new ArrayList<>();
        for (ServedIndicators.IdRange range : ranges) {
            served.forEachById(served.filter(null, null), new Document("value", 1), range, 0, ListedValue.CODEC,
                    ListedValue::id, value -> listed.add(value.id()));
        }
        assertThat(listed).hasSize(7_500).doesNotHaveDuplicates()
                .containsExactlyElementsOf(read(served.filter(null, null), 0));
    }

    @Test
    void aSmallCollectionIsOneRange() {
        mongo.getCollection(ServedIndicators.COLLECTION).insertOne(new Document("_id", "URL:a").append("value", "a"));

        assertThat(served.ranges(2_000)).containsExactly(ServedIndicators.IdRange.ALL);
    }

    private List<String> read(Document filter, int limit) {
        List<String> ids = new ArrayList<>();
        served.forEach(filter, new Document("value", 1), new Document("_id", 1), limit, d -> ids.add(d.getString("_id")));
        return ids;
    }
}

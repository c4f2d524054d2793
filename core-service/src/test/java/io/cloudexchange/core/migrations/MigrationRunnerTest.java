package io.cloudexchange.core.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.cloudexchange.core.embedded.EmbeddedMongoServer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

class MigrationRunnerTest {

    private EmbeddedMongoServer server;
    private MongoClient client;
    private MongoTemplate mongo;
    private MongoLockProvider locks;
    private final List<Integer> applied = new ArrayList<>();

    @BeforeEach
    void startMongo() {
        server = EmbeddedMongoServer.startInMemory(0);
        client = MongoClients.create(server.connectionString("migrations"));
        mongo = new MongoTemplate(client, "migrations");
        locks = new MongoLockProvider(mongo.getDb());
    }

    @AfterEach
    void stopMongo() {
        client.close();
        server.close();
    }

    @Test
    void appliesEachMigrationOnceInVersionOrderAndRecordsIt() {
        List<Migration> migrations = List.of(recording(2), recording(1));

        runner(migrations).migrate();
        runner(migrations).migrate();

        assertThat(applied).containsExactly(1, 2);
        assertThat(mongo.findAll(AppliedMigration.class))
                .extracting(AppliedMigration::version, AppliedMigration::description)
                .containsExactlyInAnyOrder(tuple(1, "step 1"), tuple(2, "step 2"));
        assertThat(mongo.findAll(AppliedMigration.class)).allSatisfy(migration -> assertThat(migration.appliedAt()).isNotNull());
    }

    @Test
    void laterMigrationRunsOnTheNextStart() {
        runner(List.of(recording(1))).migrate();

        runner(List.of(recording(1), recording(2))).migrate();

        assertThat(applied).containsExactly(1, 2);
    }

    @Test
    void waitsWhileAnotherNodeHoldsTheLock() {
        Optional<SimpleLock> otherNode = locks.lock(new LockConfiguration(Clock.systemUTC().instant(),
                MigrationRunner.LOCK_NAME, Duration.ofMinutes(1), Duration.ZERO));
        assertThat(otherNode).isPresent();
        Thread releaser = new Thread(() -> {
            sleep(700);
            otherNode.get().unlock();
        });
        releaser.start();

        runner(List.of(recording(1))).migrate();

        assertThat(applied).containsExactly(1);
    }

    @Test
    void rejectsDuplicateVersions() {
        assertThatThrownBy(() -> runner(List.of(recording(1), recording(1))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("unique");
    }

    @Test
    void initialIndexesAreCreatedOnTheEmbeddedServer() {
        runner(List.of(new V1InitialIndexes(new IndexCreator(true)))).migrate();

        assertThat(mongo.indexOps("plugin_configurations").getIndexInfo())
                .anySatisfy(index -> {
                    assertThat(index.getName()).isEqualTo("name");
                    assertThat(index.isUnique()).isTrue();
                });
        assertThat(mongo.collectionExists("settings")).isTrue();
    }

    private MigrationRunner runner(List<Migration> migrations) {
        return new MigrationRunner(migrations, mongo, locks, Clock.systemUTC(), Duration.ofSeconds(30));
    }

    private Migration recording(int version) {
        return new Migration() {
            @Override
            public int version() {
                return version;
            }

            @Override
            public String description() {
                return "step " + version;
            }

            @Override
            public void apply(MongoTemplate template) {
                applied.add(version);
            }
        };
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

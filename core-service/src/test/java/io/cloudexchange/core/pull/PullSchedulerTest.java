package io.cloudexchange.core.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.configurations.ConfigurationDeletedEvent;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.LogLevel;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.logging.PlatformLogEntry;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.CheckpointReader;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.settings.PlatformSettings;
import io.cloudexchange.core.settings.SettingsService;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.testsupport.RecordingBatchPublisher;
import io.cloudexchange.core.testsupport.TestPluginRegistry;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.RejectedItem;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = PullSchedulerTest.Config.class,
        properties = {"cloudexchange.scheduler.max-pages-per-run=3", "cloudexchange.scheduler.threads=2"})
class PullSchedulerTest {

    private static final int POLL_SECONDS = 60;

    @Configuration(proxyBeanMethods = false)
    @Import(MongoTestConfiguration.class)
    @ComponentScan(basePackageClasses = {PullScheduler.class, PluginContexts.class},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests?(\\$.*)?"))
    static class Config {

        @Bean
        ScriptedThreatFeed scriptedThreatFeed() {
            return new ScriptedThreatFeed();
        }

        @Bean
        PluginRegistry pluginRegistry(ScriptedThreatFeed feed) {
            return new TestPluginRegistry(feed);
        }

        @Bean
        RecordingBatchPublisher batchPublisher() {
            return new RecordingBatchPublisher(List.of());
        }

        @Bean
        CountingLockProvider lockProvider(MongoTemplate mongo) {
            return new CountingLockProvider(new MongoLockProvider(mongo.getDb()));
        }
    }

    /** Counts lock attempts so a test knows a competing run tried and was turned away. */
    record CountingLockProvider(LockProvider delegate, AtomicInteger attempts) implements LockProvider {

        CountingLockProvider(LockProvider delegate) {
            this(delegate, new AtomicInteger());
        }

        @Override
        public Optional<SimpleLock> lock(LockConfiguration configuration) {
            attempts.incrementAndGet();
            return delegate.lock(configuration);
        }
    }

    @Autowired PullScheduler scheduler;
    @Autowired ScriptedThreatFeed feed;
    @Autowired RecordingBatchPublisher publisher;
    @Autowired PluginConfigurationRepository configurations;
    @Autowired PlatformLogRepository logs;
    @Autowired SettingsService settings;
    @Autowired PullStateStore states;
    @Autowired MutableClock clock;
    @Autowired MongoTemplate mongo;
    @Autowired CountingLockProvider lockProvider;
    @Autowired MeterRegistry meters;
    @Autowired ApplicationEventPublisher events;
    @Autowired PullRunner runner;
    @Autowired CloudExchangeProperties properties;
    @Autowired PluginRegistry plugins;

    private final List<PullScheduler> extraSchedulers = new ArrayList<>();

    @BeforeEach
    void cleanSlate() {
        for (String collection : List.of("plugin_configurations", "pull_state", "plugin_storage", "platform_logs",
                "settings", "shedLock")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        feed.reset();
        publisher.reset();
    }

    @AfterEach
    void stopExtraSchedulers() throws InterruptedException {
        for (PullScheduler extra : extraSchedulers) {
            extra.destroy();
        }
    }

    @Test
    void dueConfigurationPublishesOneBatchPerPageAndStoresEachCheckpointOnlyAfterThePublish() {
        feed.page("https://a.example/1", "https://a.example/2").page("https://a.example/3").page("https://a.example/4");
        String id = saveConfiguration("feed", PlatformModule.CTE, true);
        List<Checkpoint> storedWhilePublishing = new ArrayList<>();
        publisher.beforeConfirm(batch -> storedWhilePublishing.add(states.checkpoint(id, CheckpointReader.DEFAULT_STREAM)));
        double pagesBefore = pagesCounted();

        scheduler.tick();

        PullStatus status = awaitRunStartedAt(id, clock.instant());
        assertThat(status.status()).isEqualTo(PullStatus.State.SUCCESS);
        assertThat(status.items()).isEqualTo(4);
        List<BatchMessage> batches = publisher.published();
        assertThat(batches).hasSize(3);
        assertThat(batches).allSatisfy(batch -> {
            assertThat(batch.module()).isEqualTo(PlatformModule.CTE);
            assertThat(batch.kind()).isEqualTo(BatchMessage.Kind.INDICATORS);
            assertThat(batch.configurationId()).isEqualTo(id);
            assertThat(batch.pluginId()).isEqualTo(ScriptedThreatFeed.ID);
            assertThat(batch.stream()).isEqualTo("default");
        });
        assertThat(batches.get(0).items()).extracting(item -> item.get("value"))
                .containsExactly("https://a.example/1", "https://a.example/2");
        assertThat(batches.get(0).items().get(0)).containsEntry("type", "URL");
        assertThat(storedWhilePublishing).containsExactly(Checkpoint.initial(), Checkpoint.of("page", "1"),
                Checkpoint.of("page", "2"));
        assertThat(states.checkpoint(id, "default")).isEqualTo(Checkpoint.of("page", "3"));
        assertThat(feed.calls()).extracting(ScriptedThreatFeed.Call::checkpoint)
                .containsExactly(Checkpoint.initial(), Checkpoint.of("page", "1"), Checkpoint.of("page", "2"));
        assertThat(states.find(id).nextRunAt()).isEqualTo(status.finishedAt().plusSeconds(POLL_SECONDS));
        assertThat(pagesCounted() - pagesBefore).isEqualTo(3);
    }

    @Test
    void aPageBeyondTheRunsPageBudgetIsPulledByAnImmediateNextRun() {
        feed.page("https://b.example/1").page("https://b.example/2").page("https://b.example/3").page("https://b.example/4");
        String id = saveConfiguration("long-feed", PlatformModule.CTE, true);

        scheduler.tick();
        PullStatus first = awaitRunStartedAt(id, clock.instant());
        assertThat(publisher.published()).hasSize(3);
        assertThat(states.find(id).nextRunAt()).isEqualTo(first.finishedAt());

        clock.advance(Duration.ofSeconds(1));
        scheduler.tick();
        awaitRunStartedAt(id, clock.instant());
        assertThat(publisher.published()).hasSize(4);
        assertThat(publisher.published().get(3).items()).extracting(item -> item.get("value"))
                .containsExactly("https://b.example/4");
    }

    @Test
    void aRefusedPublishKeepsTheCheckpointAndTheNextRunReplaysThePage() {
        feed.page("https://c.example/1").page("https://c.example/2");
        String id = saveConfiguration("flaky-broker", PlatformModule.CTE, true);
        publisher.failNext(1);

        scheduler.tick();
        PullStatus failed = awaitRunStartedAt(id, clock.instant());

        assertThat(failed.status()).isEqualTo(PullStatus.State.FAILED);
        assertThat(publisher.published()).isEmpty();
        assertThat(states.checkpoint(id, "default")).isEqualTo(Checkpoint.initial());
        assertThat(errorCodesLogged(id)).contains(PullErrorCodes.PUBLISH_FAILED);

        clock.advance(Duration.ofSeconds(2 * POLL_SECONDS));
        scheduler.tick();
        PullStatus retried = awaitRunStartedAt(id, clock.instant());

        assertThat(retried.status()).isEqualTo(PullStatus.State.SUCCESS);
        assertThat(feed.calls()).extracting(ScriptedThreatFeed.Call::checkpoint)
                .containsExactly(Checkpoint.initial(), Checkpoint.initial(), Checkpoint.of("page", "1"));
        assertThat(publisher.published()).extracting(batch -> batch.items().get(0).get("value"))
                .containsExactly("https://c.example/1", "https://c.example/2");
        assertThat(states.checkpoint(id, "default")).isEqualTo(Checkpoint.of("page", "2"));
    }

    @Test
    void disabledConfigurationsAndConfigurationsOfDisabledModulesAreNotPulled() {
        feed.page("https://d.example/1");
        Map<PlatformModule, Boolean> modules = new EnumMap<>(PlatformSettings.defaults().modules());
        modules.put(PlatformModule.CTO, false);
        settings.updateModules(modules);
        String disabled = saveConfiguration("disabled", PlatformModule.CTE, false);
        String moduleOff = saveConfiguration("module-off", PlatformModule.CTO, true);
        String control = saveConfiguration("control", PlatformModule.CTE, true);

        scheduler.tick();
        awaitRunStartedAt(control, clock.instant());

        assertThat(feed.calls()).extracting(ScriptedThreatFeed.Call::configurationId).containsExactly(control);
        assertThat(scheduler.lastRun(disabled)).isEmpty();
        assertThat(scheduler.lastRun(moduleOff)).isEmpty();

        modules.put(PlatformModule.CTE, false);
        settings.updateModules(modules);
        scheduler.runNow(control);
        clock.advance(Duration.ofSeconds(POLL_SECONDS));
        scheduler.tick();
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> feed.calls().size() == 1);
    }

    @Test
    void twoSchedulersSharingTheLockNeverPullTheSameConfigurationAtOnce() throws InterruptedException {
        feed.page("https://e.example/1");
        String id = saveConfiguration("shared", PlatformModule.CTE, true);
        PullScheduler otherNode = new PullScheduler(configurations, plugins, settings, states, runner, lockProvider,
                properties, clock, java.util.List.of(), 1);
        extraSchedulers.add(otherNode);
        CountDownLatch release = new CountDownLatch(1);
        feed.duringPull(() -> awaitQuietly(release));
        int attemptsBefore = lockProvider.attempts().get();

        scheduler.tick();
        otherNode.tick();
        await().atMost(Duration.ofSeconds(10)).until(() -> lockProvider.attempts().get() - attemptsBefore == 2);
        release.countDown();
        awaitRunStartedAt(id, clock.instant());
        otherNode.tick();
        scheduler.tick();

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> feed.calls().size() == 1);
        assertThat(feed.maxConcurrentPulls()).isEqualTo(1);
        assertThat(publisher.published()).hasSize(1);
    }

    @Test
    void rejectedItemsAreLoggedWithAnErrorCodeAndTheRestOfThePageIsPublished() {
        feed.pageWithRejections(List.of(new RejectedItem("not a url", "malformed URL")),
                "https://f.example/1", "https://f.example/2");
        String id = saveConfiguration("partly-bad", PlatformModule.CTE, true);

        scheduler.tick();
        PullStatus status = awaitRunStartedAt(id, clock.instant());

        assertThat(status.items()).isEqualTo(2);
        assertThat(status.rejected()).isEqualTo(1);
        assertThat(publisher.published()).singleElement()
                .satisfies(batch -> assertThat(batch.items()).hasSize(2));
        assertThat(logs.findAll()).filteredOn(entry -> PullErrorCodes.ITEM_REJECTED.equals(entry.errorCode()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.level()).isEqualTo(LogLevel.WARN);
                    assertThat(entry.source()).isEqualTo(PlatformLog.configurationSource(id));
                    assertThat(entry.message()).contains("not a url", "malformed URL");
                });
    }

    @Test
    void failuresBackOffExponentiallyAndASuccessResetsTheSchedule() {
        feed.page("https://g.example/1");
        feed.failWith(new IllegalStateException("feed answered 503"));
        String id = saveConfiguration("failing", PlatformModule.CTE, true);

        scheduler.tick();
        PullStatus first = awaitRunStartedAt(id, clock.instant());
        assertThat(first.status()).isEqualTo(PullStatus.State.FAILED);
        assertThat(first.message()).contains("503");
        assertThat(states.find(id).consecutiveFailures()).isEqualTo(1);
        assertThat(states.find(id).nextRunAt()).isEqualTo(first.finishedAt().plusSeconds(2 * POLL_SECONDS));
        assertThat(errorCodesLogged(id)).contains(PullErrorCodes.PULL_FAILED);

        clock.advance(Duration.ofSeconds(POLL_SECONDS));
        scheduler.tick();
        await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(2)).until(() -> feed.calls().size() == 1);

        clock.advance(Duration.ofSeconds(POLL_SECONDS));
        scheduler.tick();
        PullStatus second = awaitRunStartedAt(id, clock.instant());
        assertThat(second.status()).isEqualTo(PullStatus.State.FAILED);
        assertThat(states.find(id).nextRunAt()).isEqualTo(second.finishedAt().plusSeconds(4 * POLL_SECONDS));

        feed.failWith(null);
        clock.advance(Duration.ofSeconds(4 * POLL_SECONDS));
        scheduler.tick();
        PullStatus recovered = awaitRunStartedAt(id, clock.instant());
        assertThat(recovered.status()).isEqualTo(PullStatus.State.SUCCESS);
        assertThat(states.find(id).consecutiveFailures()).isZero();
        assertThat(states.find(id).nextRunAt()).isEqualTo(recovered.finishedAt().plusSeconds(POLL_SECONDS));
    }

    @Test
    void backoffIsCappedAtOneHour() {
        assertThat(PullRunner.backoff(300, 1)).isEqualTo(Duration.ofMinutes(10));
        assertThat(PullRunner.backoff(300, 3)).isEqualTo(Duration.ofMinutes(40));
        assertThat(PullRunner.backoff(300, 4)).isEqualTo(Duration.ofHours(1));
        assertThat(PullRunner.backoff(300, 200)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void runNowPullsAConfigurationThatIsNotDueYet() {
        feed.page("https://h.example/1");
        String id = saveConfiguration("manual", PlatformModule.CTE, true);
        scheduler.tick();
        awaitRunStartedAt(id, clock.instant());

        clock.advance(Duration.ofSeconds(1));
        scheduler.runNow(id);

        awaitRunStartedAt(id, clock.instant());
        assertThat(feed.calls()).hasSize(2);
    }

    @Test
    void deletingAConfigurationDropsItsPullStateAndStorage() {
        feed.page("https://i.example/1");
        String id = saveConfiguration("doomed", PlatformModule.CTE, true);
        scheduler.tick();
        awaitRunStartedAt(id, clock.instant());
        mongo.getCollection("plugin_storage").insertOne(new Document("_id", id).append("entries", new Document("k", "v")));

        assertThat(mongo.getCollection("pull_state").countDocuments(new Document("_id", id))).isOne();

        events.publishEvent(new ConfigurationDeletedEvent(id));

        assertThat(mongo.getCollection("pull_state").countDocuments(new Document("_id", id))).isZero();
        assertThat(mongo.getCollection("plugin_storage").countDocuments(new Document("_id", id))).isZero();
    }

    private String saveConfiguration(String name, PlatformModule module, boolean enabled) {
        Instant now = clock.instant();
        return configurations.save(new PluginConfiguration(null, name, ScriptedThreatFeed.ID, module, Map.of(),
                Map.of(), enabled, POLL_SECONDS, false, true, now, now, null)).id();
    }

    private PullStatus awaitRunStartedAt(String id, Instant startedAt) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> scheduler.lastRun(id).orElse(null),
                status -> status != null && !status.startedAt().isBefore(startedAt)
                        && status.status() != PullStatus.State.RUNNING);
    }

    private List<String> errorCodesLogged(String id) {
        return logs.findAll().stream()
                .filter(entry -> entry.source().equals(PlatformLog.configurationSource(id)))
                .map(PlatformLogEntry::errorCode)
                .toList();
    }

    private double pagesCounted() {
        var counter = meters.find("cloudexchange.pull.pages").tags("module", "CTE", "plugin", ScriptedThreatFeed.ID)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

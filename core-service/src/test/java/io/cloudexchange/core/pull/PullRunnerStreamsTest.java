package io.cloudexchange.core.pull;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.testsupport.RecordingBatchPublisher;
import io.cloudexchange.core.testsupport.TestPluginRegistry;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.MongoTemplate;

/** A configuration's streams pulled at the same time, each with its own checkpoint. */
@SpringBootTest(classes = PullRunnerStreamsTest.Config.class,
        properties = {"cloudexchange.scheduler.max-pages-per-run=10", "cloudexchange.scheduler.streams-in-parallel=2"})
class PullRunnerStreamsTest {

    private static final int POLL_SECONDS = 60;

    @Configuration(proxyBeanMethods = false)
    @Import(MongoTestConfiguration.class)
    @ComponentScan(basePackageClasses = {PullScheduler.class, PluginContexts.class},
            excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*Tests?(\\$.*)?"))
    static class Config {

        @Bean
        ScriptedLogSource scriptedLogSource() {
            return new ScriptedLogSource();
        }

        @Bean
        PluginRegistry pluginRegistry(ScriptedLogSource source) {
            return new TestPluginRegistry(source);
        }

        @Bean
        RecordingBatchPublisher batchPublisher() {
            return new RecordingBatchPublisher(List.of());
        }

        @Bean
        LockProvider lockProvider(MongoTemplate mongo) {
            return new MongoLockProvider(mongo.getDb());
        }
    }

    @Autowired PullRunner runner;
    @Autowired ScriptedLogSource source;
    @Autowired PluginRegistry plugins;
    @Autowired RecordingBatchPublisher publisher;
    @Autowired PluginConfigurationRepository configurations;
    @Autowired PullStateStore states;
    @Autowired PlatformLogRepository logs;
    @Autowired MutableClock clock;
    @Autowired MongoTemplate mongo;

    @BeforeEach
    void cleanSlate() {
        for (String collection : List.of("plugin_configurations", "pull_state", "plugin_storage", "platform_logs")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        source.reset();
        publisher.reset();
    }

    @Test
    void streamsArePulledAtTheSameTimeAndEachCheckpointAdvancesAfterItsOwnBatches() {
        CyclicBarrier bothFirstPages = new CyclicBarrier(2);
        source.stream("page", 2).stream("network", 3).during((stream, page) -> {
            if (page == 0) {
                // neither stream's first pull returns before the other's started: they run at the same time
                bothFirstPages.await(10, TimeUnit.SECONDS);
            }
        });
        String id = saveConfiguration();

        runner.run(configurations.findById(id).orElseThrow(), plugins.find(ScriptedLogSource.ID).orElseThrow());

        PullStatus status = states.find(id).lastRun();
        assertThat(status.status()).isEqualTo(PullStatus.State.SUCCESS);
        assertThat(status.items()).isEqualTo(10);
        assertThat(status.message()).isEqualTo("Pulled 10 items in 5 pages");
        assertThat(states.checkpoint(id, "event:page")).isEqualTo(Checkpoint.of("page", "2"));
        assertThat(states.checkpoint(id, "event:network")).isEqualTo(Checkpoint.of("page", "3"));
        assertThat(batchesOf("event:page")).containsExactly("page-0-0", "page-1-0");
        assertThat(batchesOf("event:network")).containsExactly("network-0-0", "network-1-0", "network-2-0");
        assertThat(states.find(id).nextRunAt()).isEqualTo(status.finishedAt().plusSeconds(POLL_SECONDS));
    }

    @Test
    void aFailingStreamNeitherStopsNorRollsBackTheOtherAndTheRunFails() {
        source.stream("page", 3).stream("network", 3).failAt("network", 1);
        String id = saveConfiguration();

        runner.run(configurations.findById(id).orElseThrow(), plugins.find(ScriptedLogSource.ID).orElseThrow());

        PullStatus status = states.find(id).lastRun();
        assertThat(status.status()).isEqualTo(PullStatus.State.FAILED);
        assertThat(status.items()).as("3 pages of page events and the first page of network events").isEqualTo(8);
        assertThat(status.message()).contains("stream event:network", "network answered 503");
        assertThat(states.checkpoint(id, "event:page")).isEqualTo(Checkpoint.of("page", "3"));
        assertThat(states.checkpoint(id, "event:network")).isEqualTo(Checkpoint.of("page", "1"));
        assertThat(batchesOf("event:page")).hasSize(3);
        assertThat(batchesOf("event:network")).containsExactly("network-0-0");
        assertThat(states.find(id).consecutiveFailures()).isOne();
        assertThat(states.find(id).nextRunAt()).isEqualTo(status.finishedAt().plusSeconds(2 * POLL_SECONDS));
        assertThat(logs.findAll()).filteredOn(entry -> entry.source().equals(PlatformLog.configurationSource(id)))
                .filteredOn(entry -> PullErrorCodes.PULL_FAILED.equals(entry.errorCode()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.message()).contains("event:network"));

        source.failAt("network", -1);
        clock.advance(java.time.Duration.ofSeconds(2 * POLL_SECONDS));
        runner.run(configurations.findById(id).orElseThrow(), plugins.find(ScriptedLogSource.ID).orElseThrow());

        assertThat(states.find(id).lastRun().status()).isEqualTo(PullStatus.State.SUCCESS);
        assertThat(source.calls()).filteredOn(call -> call.stream().equals("event:network"))
                .extracting(ScriptedLogSource.Call::checkpoint)
                .containsExactly(Checkpoint.initial(), Checkpoint.of("page", "1"), Checkpoint.of("page", "1"),
                        Checkpoint.of("page", "2"));
        assertThat(states.checkpoint(id, "event:network")).isEqualTo(Checkpoint.of("page", "3"));
        assertThat(states.checkpoint(id, "event:page")).isEqualTo(Checkpoint.of("page", "3"));
    }

    private List<String> batchesOf(String stream) {
        return publisher.published().stream().filter(batch -> batch.stream().equals(stream))
                .map(BatchMessage::items).map(items -> String.valueOf(items.get(0).get("id"))).toList();
    }

    private String saveConfiguration() {
        Instant now = clock.instant();
        return configurations.save(new PluginConfiguration(null, "logs", ScriptedLogSource.ID, PlatformModule.CLS,
                Map.of(), Map.of(), true, POLL_SECONDS, false, true, now, now, null)).id();
    }
}

package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.testplugin.TestDestinationPlugin;
import io.cloudexchange.core.testplugin.TestPluginContext;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.testsupport.TestPluginRegistry;
import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.data.mongodb.core.MongoTemplate;

@SpringBootTest(classes = {MongoTestConfiguration.class, SharingRunnerTest.Plugins.class, SharingRunner.class,
        BusinessRules.class, IndicatorFilter.class, IndicatorWriter.class, CteSettingsStore.class, AuditLog.class})
class SharingRunnerTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Plugins {
        @Bean
        TestDestinationPlugin destinationPlugin() {
            return new TestDestinationPlugin();
        }

        @Bean
        PluginRegistry pluginRegistry(TestDestinationPlugin destination) {
            return new TestPluginRegistry(destination);
        }

        @Bean
        PluginContexts pluginContexts() {
            return configuration -> new TestPluginContext(configuration.id(), configuration.name(),
                    configuration.parameters());
        }
    }

    @Autowired SharingRunner runner;
    @Autowired IndicatorWriter writer;
    @Autowired TestDestinationPlugin destination;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;
    @Autowired PluginConfigurationRepository configurations;
    @Autowired PlatformLogRepository logs;

    private Set target;

    @BeforeEach
    void cleanSlate() {
        for (String collection : List.of(StoredIndicator.COLLECTION, BusinessRule.COLLECTION,
                SharingUsage.SHARING_COLLECTION, "cte_settings")) {
            mongo.getCollection(collection).deleteMany(new Document());
        }
        configurations.deleteAll();
        logs.deleteAll();
        destination.lists.clear();
        destination.pushes.clear();
        destination.failNextPushes.set(0);
        configurations.save(new PluginConfiguration("dest", "Firewall", TestDestinationPlugin.ID, PlatformModule.CTE,
                Map.of(), Map.of(), true, 60, false, true, null, null, null));
        target = new Set();
    }

    @Test
    void existingMatchingIndicatorsOfTheChosenSourcesAreSharedAtOnceThenOnlyNewOnes() {
        report("feed-a", url("https://evil.example/1"), url("https://evil.example/2"), domain("evil.example"));
        report("feed-b", url("https://other-source.example"));
        String sharing = sharing(rule("type == \"url\""), "feed-a");
        settle();

        SharingConfiguration.Status first = runner.run(sharing);

        assertThat(target.values()).containsExactlyInAnyOrder("https://evil.example/1", "https://evil.example/2");
        assertThat(first.state()).isEqualTo(SharingConfiguration.State.OK);
        assertThat(first.shared()).isEqualTo(2);
        assertThat(mongo.findById("URL:https://evil.example/1", StoredIndicator.class).sharedWith()).containsExactly(sharing);

        report("feed-a", url("https://evil.example/3"));
        settle();
        SharingConfiguration.Status second = runner.run(sharing);

        assertThat(destination.pushes).containsExactly(2, 1);
        assertThat(target.values()).contains("https://evil.example/3");
        assertThat(second.shared()).isEqualTo(3);

        runner.run(sharing);
        assertThat(destination.pushes).as("nothing changed, nothing pushed").containsExactly(2, 1);
    }

    @Test
    void largeSelectionsArePushedInBatchesWithoutSkippingIndicatorsThatShareAnUpdateTime() {
        List<Indicator> many = new ArrayList<>();
        for (int i = 0; i < SharingRunner.BATCH_SIZE + 20; i++) {
            many.add(Indicator.of(IndicatorType.URL, "https://many.example" + i));
        }
        report("feed-a", many.toArray(Indicator[]::new));
        String sharing = sharing(rule(""), "feed-a");
        settle();

        runner.run(sharing);

        assertThat(destination.pushes).containsExactly(SharingRunner.BATCH_SIZE, 20);
        assertThat(target.values()).hasSize(SharingRunner.BATCH_SIZE + 20);
    }

    @Test
    void aValueTheDestinationRefusesIsTaggedInvalidAndNeverPushedAgain() {
        report("feed-a", url("https://reject.example"), url("https://fine.example"));
        String sharing = sharing(rule(""), "feed-a");
        settle();

        SharingConfiguration.Status status = runner.run(sharing);

        assertThat(status.shared()).isEqualTo(1);
        assertThat(status.rejected()).isEqualTo(1);
        StoredIndicator refused = mongo.findById("URL:https://reject.example", StoredIndicator.class);
        assertThat(refused.tags()).contains(SharingRunner.INVALID_TAG);
        assertThat(refused.invalidFor()).containsExactly(sharing);
        assertThat(logs.findAll()).anySatisfy(entry -> assertThat(entry.message()).contains("reject.example"));

        report("feed-a", url("https://reject.example"), url("https://fine.example"));
        settle();
        runner.run(sharing);
        assertThat(destination.pushes).containsExactly(2, 1);
    }

    @Test
    void aTransientFailureIsRetriedAfterACappedBackoffFromWhereItStopped() {
        report("feed-a", url("https://a.example"));
        String sharing = sharing(rule(""), "feed-a");
        settle();
        destination.failNextPushes.set(2);

        SharingConfiguration.Status failed = runner.run(sharing);
        assertThat(failed.state()).isEqualTo(SharingConfiguration.State.RETRYING);
        assertThat(failed.lastError()).contains("503");
        assertThat(failed.nextAttemptAt()).isEqualTo(clock.instant().plus(SharingRunner.FIRST_BACKOFF));

        clock.advance(Duration.ofSeconds(10));
        assertThat(runner.run(sharing).failures()).as("still waiting out the backoff").isEqualTo(1);

        clock.advance(SharingRunner.FIRST_BACKOFF);
        SharingConfiguration.Status again = runner.run(sharing);
        assertThat(again.failures()).isEqualTo(2);
        assertThat(Duration.between(clock.instant(), again.nextAttemptAt())).isEqualTo(SharingRunner.FIRST_BACKOFF.multipliedBy(2));

        clock.advance(Duration.ofMinutes(2));
        SharingConfiguration.Status recovered = runner.run(sharing);
        assertThat(recovered.state()).isEqualTo(SharingConfiguration.State.OK);
        assertThat(recovered.failures()).isZero();
        assertThat(target.values()).containsExactly("https://a.example");
    }

    @Test
    void indicatorsThatExpireOrStopMatchingAreRetractedFromTheDestination() {
        report("feed-a", url("https://a.example"), url("https://b.example"));
        String sharing = sharing(rule(""), "feed-a");
        settle();
        runner.run(sharing);
        assertThat(target.values()).hasSize(2);

        mongo.getCollection(StoredIndicator.COLLECTION).updateOne(new Document("_id", "URL:https://a.example"),
                new Document("$set", new Document("active", false)));
        SharingConfiguration.Status status = runner.run(sharing);

        assertThat(target.values()).containsExactly("https://b.example");
        assertThat(status.retracted()).isEqualTo(1);
        assertThat(mongo.findById("URL:https://a.example", StoredIndicator.class).sharedWith()).isEmpty();
    }

    @Test
    void aMutedRuleSharesNothing() {
        report("feed-a", url("https://a.example"));
        String rule = rule("");
        mongo.getCollection(BusinessRule.COLLECTION).updateOne(new Document("_id", rule),
                new Document("$set", new Document("muted", true)));
        String sharing = sharing(rule, "feed-a");
        settle();

        runner.run(sharing);

        assertThat(destination.pushes).isEmpty();
    }

    /** The values the test destination's list holds. */
    private final class Set {
        java.util.Set<String> values() {
            return destination.lists.getOrDefault("blocklist", java.util.Set.of());
        }
    }

    private void settle() {
        clock.advance(SharingRunner.SETTLE.plusSeconds(1));
    }

    private void report(String source, Indicator... indicators) {
        writer.write(new IndicatorWriter.Report(source, "feed", UUID.randomUUID().toString(), clock.instant(),
                List.of(indicators)));
    }

    private String rule(String filter) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new BusinessRule(id, "rule-" + id, "", filter, "", List.of(), false, Instant.EPOCH, Instant.EPOCH,
                null));
        return id;
    }

    private String sharing(String ruleId, String... sources) {
        String id = UUID.randomUUID().toString();
        mongo.insert(new SharingConfiguration(id, "share-" + id, List.of(sources), ruleId, "dest",
                new Action(TestDestinationPlugin.ADD_TO_LIST, Map.of("list_name", "blocklist")), true, Instant.EPOCH,
                Instant.EPOCH, null));
        return id;
    }

    private static Indicator url(String value) {
        return Indicator.of(IndicatorType.URL, value);
    }

    private static Indicator domain(String value) {
        return Indicator.of(IndicatorType.DOMAIN, value);
    }
}

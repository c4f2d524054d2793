package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.plugins.PluginRegistry;
import io.cloudexchange.core.runtime.PluginContexts;
import io.cloudexchange.core.testplugin.TestPluginContext;
import io.cloudexchange.core.testplugin.TestRetractingSourcePlugin;
import io.cloudexchange.core.testsupport.MongoTestConfiguration;
import io.cloudexchange.core.testsupport.MutableClock;
import io.cloudexchange.core.testsupport.TestPluginRegistry;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.time.Duration;
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

@SpringBootTest(classes = {MongoTestConfiguration.class, AgingAndRetractionTest.Plugins.class, IndicatorAging.class,
        SourceRetraction.class, IndicatorWriter.class, CteSettingsStore.class})
class AgingAndRetractionTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class Plugins {
        @Bean
        PluginRegistry pluginRegistry() {
            return new TestPluginRegistry(new TestRetractingSourcePlugin());
        }

        @Bean
        PluginContexts pluginContexts() {
            return configuration -> new TestPluginContext(configuration.id(), configuration.name(), Map.of());
        }
    }

    @Autowired IndicatorAging aging;
    @Autowired SourceRetraction retraction;
    @Autowired IndicatorWriter writer;
    @Autowired CteSettingsStore settings;
    @Autowired MongoTemplate mongo;
    @Autowired MutableClock clock;
    @Autowired PluginConfigurationRepository configurations;

    @BeforeEach
    void cleanSlate() {
        mongo.getCollection(StoredIndicator.COLLECTION).deleteMany(new Document());
        mongo.getCollection("cte_settings").deleteMany(new Document());
        configurations.deleteAll();
    }

    @Test
    void indicatorsBecomeInactiveWhenTheAgingPeriodOfEverySourcePassedAndAreKept() {
        settings.save(new CteSettings(null, null, 90, Map.of("short", 1), false, 60));
        report("short", "https://a.example");
        report("short", "https://b.example");
        report("long", "https://b.example");

        clock.advance(Duration.ofDays(2));
        assertThat(aging.expire()).isEqualTo(1);

        StoredIndicator expired = mongo.findById("URL:https://a.example", StoredIndicator.class);
        assertThat(expired.active()).isFalse();
        assertThat(expired.updatedAt()).isEqualTo(clock.instant());
        assertThat(mongo.findById("URL:https://b.example", StoredIndicator.class).active())
                .as("another source's report is still valid").isTrue();

        report("short", "https://a.example");
        assertThat(mongo.findById("URL:https://a.example", StoredIndicator.class).active())
                .as("reported again").isTrue();
    }

    @Test
    void aSourceThatDeclaresRetractionReportsTheIndicatorsItNoLongerVouchesFor() {
        configurations.save(new PluginConfiguration("src", "Feed", TestRetractingSourcePlugin.ID, PlatformModule.CTE,
                Map.of(), Map.of(), true, 60, false, true, null, null, null));
        report("src", "https://stale.example");
        report("src", "https://fresh.example");
        report("other", "https://stale-elsewhere.example");

        assertThat(retraction.runAll()).isEqualTo(1);

        StoredIndicator stale = mongo.findById("URL:https://stale.example", StoredIndicator.class);
        assertThat(stale.retracted()).isTrue();
        assertThat(stale.sources().get("src").retracted()).isTrue();
        assertThat(mongo.findById("URL:https://fresh.example", StoredIndicator.class).retracted()).isFalse();
        assertThat(mongo.findById("URL:https://stale-elsewhere.example", StoredIndicator.class).retracted())
                .as("not this source's indicator").isFalse();
        assertThat(retraction.runAll()).as("asked once per indicator").isZero();
    }

    private void report(String source, String url) {
        writer.write(new IndicatorWriter.Report(source, "feed", UUID.randomUUID().toString(), clock.instant(),
                List.of(Indicator.of(IndicatorType.URL, url))));
    }
}

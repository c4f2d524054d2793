package io.cloudexchange.plugins.samplefeed;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import io.cloudexchange.plugin.testkit.LogLine;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class SampleThreatFeedPluginTest {

    private final SampleThreatFeedPlugin plugin = new SampleThreatFeedPlugin();

    @Test
    void theSameSeedGeneratesTheSameIndicators() {
        List<Indicator> first = pull(Map.of("seed", 7), Checkpoint.initial()).items();
        List<Indicator> again = pull(Map.of("seed", 7), Checkpoint.initial()).items();
        List<Indicator> otherSeed = pull(Map.of("seed", 8), Checkpoint.initial()).items();

        assertThat(again).isEqualTo(first);
        assertThat(values(otherSeed)).doesNotContainAnyElementsOf(values(first));
    }

    @Test
    void pagesUntilTheTotalIsReached() {
        Map<String, Object> config = Map.of("total", 250, "indicators_per_page", 100);
        List<Indicator> all = new ArrayList<>();
        List<Boolean> hasMore = new ArrayList<>();

        Checkpoint checkpoint = Checkpoint.initial();
        for (int page = 0; page < 3; page++) {
            PullPage<Indicator> result = pull(config, checkpoint);
            all.addAll(result.items());
            hasMore.add(result.hasMore());
            checkpoint = result.next();
        }
        PullPage<Indicator> afterTheEnd = pull(config, checkpoint);

        assertThat(hasMore).containsExactly(true, true, false);
        assertThat(checkpoint).isEqualTo(Checkpoint.of("position", "250"));
        assertThat(values(all)).hasSize(250).doesNotHaveDuplicates();
        assertThat(afterTheEnd.items()).isEmpty();
        assertThat(afterTheEnd.hasMore()).isFalse();
        assertThat(afterTheEnd.next()).isEqualTo(checkpoint);
    }

    @Test
    void generatesWellFormedValuesOfEachSelectedTypeInTurn() {
        Map<String, Object> config = Map.of("types", List.of("url", "sha256", "md5", "ipv4", "ipv6", "domain"),
                "indicators_per_page", 12);

        List<Indicator> indicators = pull(config, Checkpoint.initial()).items();

        assertThat(indicators).extracting(Indicator::type).startsWith(IndicatorType.URL, IndicatorType.SHA256,
                IndicatorType.MD5, IndicatorType.IPV4, IndicatorType.IPV6, IndicatorType.DOMAIN, IndicatorType.URL);
        assertThat(indicators).allSatisfy(indicator -> assertThat(indicator.value()).matches(switch (indicator.type()) {
            case URL -> "https://[a-z]+-[0-9a-f]+\\.example/ioc/\\d+";
            case SHA256 -> "[0-9a-f]{64}";
            case MD5 -> "[0-9a-f]{32}";
            case IPV4 -> "10\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}";
            case IPV6 -> "2001:db8(:[0-9a-f]{1,4}){6}";
            default -> "[a-z]+-\\d+\\.example";
        }));
    }

    @Test
    void appliesTheConfiguredSeverityAndTag() {
        List<Indicator> fixed = pull(Map.of("severity", "critical", "tag", "demo"), Checkpoint.initial()).items();
        List<Indicator> mixed = pull(Map.of(), Checkpoint.initial()).items();

        assertThat(fixed).allSatisfy(indicator -> {
            assertThat(indicator.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(indicator.tags()).containsExactly("demo");
        });
        assertThat(mixed).extracting(Indicator::severity).contains(Severity.LOW, Severity.CRITICAL);
        assertThat(mixed).allSatisfy(indicator -> assertThat(indicator.tags()).isEmpty());
    }

    @Test
    void anUnreadableCheckpointIsLoggedAndRestartsAtTheBeginning() {
        TestPluginContext context = context(Map.of());

        PullPage<Indicator> page = plugin.pullIndicators(context, Checkpoint.of("position", "soon"));

        assertThat(page.items()).isEqualTo(pull(Map.of(), Checkpoint.initial()).items());
        assertThat(context.logLines()).extracting(LogLine::errorCode).containsExactly("SAMPLE-1001");
    }

    @Test
    void descriptorMatchesTheJarManifest() throws IOException {
        Properties manifest = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/plugin-manifest.properties")) {
            manifest.load(in);
        }

        var descriptor = plugin.descriptor();
        assertThat(descriptor.id()).isEqualTo(manifest.getProperty("id"));
        assertThat(descriptor.version()).isEqualTo(manifest.getProperty("version"));
        assertThat(descriptor.minimumPlatformVersion()).isEqualTo(manifest.getProperty("minimumPlatformVersion"));
    }

    private PullPage<Indicator> pull(Map<String, Object> config, Checkpoint checkpoint) {
        return plugin.pullIndicators(context(config), checkpoint);
    }

    private TestPluginContext context(Map<String, Object> config) {
        return TestPluginContext.builder().defaultsFrom(plugin.configSchema()).config(config).build();
    }

    private static List<String> values(List<Indicator> indicators) {
        return indicators.stream().map(Indicator::value).toList();
    }
}

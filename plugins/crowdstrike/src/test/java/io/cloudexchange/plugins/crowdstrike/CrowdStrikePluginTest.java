package io.cloudexchange.plugins.crowdstrike;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CrowdStrikePluginTest {

    private static final Instant DAY = Instant.parse("2025-12-30T00:00:00Z");

    private final FalconServer falcon = new FalconServer();
    private final List<Duration> sleeps = new ArrayList<>();
    private final CrowdStrikePlugin plugin = new CrowdStrikePlugin(3, sleeps::add);

    CrowdStrikePluginTest() throws IOException {
    }

    @AfterEach
    void stop() {
        falcon.close();
    }

    private TestPluginContext context(Map<String, Object> settings) {
        return context(settings, Clock.systemUTC());
    }

    private TestPluginContext context(Map<String, Object> settings, Clock clock) {
        return TestPluginContext.builder().defaultsFrom(FalconSettings.SCHEMA)
                .config(FalconSettings.BASE_URL, falcon.url())
                .config(FalconSettings.CLIENT_ID, FalconServer.CLIENT_ID)
                .config(FalconSettings.CLIENT_SECRET, FalconServer.SECRET)
                .config(settings).clock(clock).build();
    }

    private static Action create(Map<String, Object> parameters) {
        return new Action(CrowdStrikePlugin.CREATE, parameters);
    }

    @Test
    void pullsIocsModifiedAfterTheCheckpointPageByPageAndSkipsItsOwn() {
        Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
        falcon.ioc("sha256", "a".repeat(64), "intel-team", DAY.plusSeconds(3))
                .ioc("domain", "c2.example", "intel-team", DAY.plusSeconds(1))
                .ioc("ipv4", "203.0.113.9", "intel-team", DAY.plusSeconds(2))
                .ioc("domain", "shared.example", FalconSettings.SOURCE, DAY.plusSeconds(4))
                .ioc("domain", "old.example", "intel-team", DAY.minus(Duration.ofDays(30)));
        Map<String, Object> settings = Map.of(FalconSettings.PAGE_SIZE, 2);

        PullPage<Indicator> first = plugin.pullIndicators(context(settings, clock), Checkpoint.initial());
        PullPage<Indicator> second = plugin.pullIndicators(context(settings, clock), first.next());

        assertThat(first.items()).extracting(Indicator::value).containsExactly("c2.example", "203.0.113.9");
        assertThat(first.hasMore()).isTrue();
        assertThat(second.items()).extracting(Indicator::value).containsExactly("a".repeat(64));
        assertThat(second.hasMore()).isFalse();
        assertThat(second.next().values()).containsExactly(Map.entry(CrowdStrikePlugin.SINCE, DAY.plusSeconds(3).toString()));
        Indicator hash = second.items().get(0);
        assertThat(hash.type()).isEqualTo(IndicatorType.SHA256);
        assertThat(hash.severity()).isEqualTo(Severity.HIGH);
        assertThat(hash.tags()).containsExactly("apt");

        falcon.ioc("md5", "b".repeat(32), "intel-team", DAY.plusSeconds(10));
        assertThat(plugin.pullIndicators(context(settings, clock), second.next()).items()).extracting(Indicator::value)
                .containsExactly("b".repeat(32));
        assertThat(falcon.tokenRequests.get()).as("the token is cached until it expires").isEqualTo(1);
    }

    @Test
    void sharesIocsWithTheChosenActionAndReportsTheRefusedOnes() {
        falcon.ioc("domain", "known.example", "intel-team", DAY);
        List<Indicator> indicators = List.of(
                Indicator.of(IndicatorType.SHA256, "C".repeat(64)).withComments("dropper"),
                Indicator.of(IndicatorType.URL, "https://Evil.Example/path/x"),
                Indicator.of(IndicatorType.DOMAIN, "evil.example"),
                Indicator.of(IndicatorType.IPV4, "198.51.100.7"),
                Indicator.of(IndicatorType.DOMAIN, "known.example"),
                Indicator.of(IndicatorType.URL, "https://bad_host!/x"),
                Indicator.of(IndicatorType.MD5, "xyz"));

        PushResult result = plugin.push(context(Map.of()), indicators, create(Map.of(CrowdStrikePlugin.ACTION, "prevent",
                CrowdStrikePlugin.SEVERITY, "high", CrowdStrikePlugin.PLATFORMS, List.of("windows"),
                CrowdStrikePlugin.EXPIRATION_DAYS, 30)));

        assertThat(result.success()).as(result.message()).isTrue();
        assertThat(result.message()).isEqualTo("created 3 IOCs, 1 already present");
        assertThat(result.rejected()).extracting(RejectedItem::value).containsExactly("https://bad_host!/x", "xyz");
        assertThat(falcon.iocs()).filteredOn(i -> FalconSettings.SOURCE.equals(i.get("source")))
                .extracting(i -> i.get("type") + ":" + i.get("value") + ":" + i.get("action"))
                .containsExactly("sha256:" + "c".repeat(64) + ":prevent", "domain:evil.example:detect",
                        "ipv4:198.51.100.7:detect");
        assertThat(falcon.iocs()).filteredOn(i -> "domain".equals(i.get("type")) && "evil.example".equals(i.get("value")))
                .singleElement().satisfies(i -> {
                    assertThat(i.get("expiration")).isNotNull();
                    assertThat(i.get("platforms")).isEqualTo(List.of("windows"));
                });
    }

    @Test
    void sharesInBatchesOf2000() {
        List<Indicator> hashes = IntStream.range(0, 4500)
                .mapToObj(i -> Indicator.of(IndicatorType.MD5, String.format("%032x", i))).toList();

        PushResult result = plugin.push(context(Map.of()), hashes, create(Map.of()));

        assertThat(result.message()).isEqualTo("created 4500 IOCs, 0 already present");
        assertThat(falcon.requests).filteredOn("POST /iocs/entities/indicators/v1"::equals).hasSize(3);
    }

    @Test
    void retractDeletesTheIocsItCreatedById() {
        falcon.ioc("domain", "theirs.example", "intel-team", DAY);
        plugin.push(context(Map.of()), List.of(Indicator.of(IndicatorType.DOMAIN, "gone.example"),
                Indicator.of(IndicatorType.DOMAIN, "kept.example")), create(Map.of()));

        PushResult result = plugin.retract(context(Map.of()), List.of(Indicator.of(IndicatorType.DOMAIN, "gone.example"),
                Indicator.of(IndicatorType.DOMAIN, "theirs.example")), create(Map.of()));

        assertThat(result.message()).isEqualTo("removed 1 IOCs");
        assertThat(falcon.iocs()).extracting(i -> i.get("value")).containsExactly("theirs.example", "kept.example");
        assertThat(falcon.requests).contains("DELETE /iocs/entities/indicators/v1");
    }

    @Test
    void rateLimitsWaitForTheirRetryAfterAndOutagesAreTransient() {
        falcon.ioc("domain", "a.example", "intel-team", DAY);
        falcon.rateLimit(1);

        assertThat(plugin.pullIndicators(context(Map.of()), Checkpoint.of(CrowdStrikePlugin.SINCE,
                DAY.minusSeconds(1).toString())).items()).hasSize(1);
        assertThat(sleeps).singleElement().satisfies(d -> assertThat(d).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2)));

        plugin.validate(context(Map.of()));
        falcon.fail(503, 503, 503);
        PushResult result = plugin.push(context(Map.of()), List.of(Indicator.of(IndicatorType.DOMAIN, "x.example")),
                create(Map.of()));
        assertThat(result.success()).isFalse();
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void anExpiredTokenIsRenewed() {
        falcon.ioc("domain", "a.example", "intel-team", DAY);
        Checkpoint from = Checkpoint.of(CrowdStrikePlugin.SINCE, DAY.minusSeconds(1).toString());
        plugin.pullIndicators(context(Map.of()), from);

        falcon.expireTokens();
        assertThat(plugin.pullIndicators(context(Map.of()), from).items()).hasSize(1);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(31));
        assertThat(plugin.pullIndicators(context(Map.of(), later), from).items()).hasSize(1);

        assertThat(falcon.tokenRequests.get()).isEqualTo(3);
    }

    @Test
    void validationNamesTheWrongField() {
        assertThat(plugin.validate(context(Map.of())).isValid()).isTrue();
        assertThat(plugin.validate(context(Map.of(FalconSettings.CLIENT_SECRET, "wrong"))).fieldErrors())
                .containsOnlyKeys(FalconSettings.CLIENT_SECRET)
                .hasEntrySatisfying(FalconSettings.CLIENT_SECRET, m -> assertThat(m).contains("HTTP 403"));
        assertThat(plugin.validate(context(Map.of(FalconSettings.BASE_URL, falcon.url() + "/nothing"))).fieldErrors())
                .containsOnlyKeys(FalconSettings.BASE_URL);
        String closed = falcon.url();
        falcon.close();
        assertThat(plugin.validate(context(Map.of(FalconSettings.BASE_URL, closed))).fieldErrors())
                .containsOnlyKeys(FalconSettings.BASE_URL);
    }

    @Test
    void anUnknownActionIsAPermanentFailure() {
        PushResult result = plugin.push(context(Map.of()), List.of(Indicator.of(IndicatorType.DOMAIN, "x.example")),
                new Action("block_everything", Map.of()));

        assertThat(result.success()).isFalse();
        assertThat(result.retryable()).isFalse();
    }
}

package io.cloudexchange.plugins.misp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MispPluginTest {

    private static final long NOW = TestPluginContext.DEFAULT_NOW.getEpochSecond();

    private final MispServer server = new MispServer();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MispPlugin plugin = new MispPlugin(3, sleeps::add);

    MispPluginTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestPluginContext context(Map<String, Object> settings) {
        return context(settings, TestPluginContext.DEFAULT_NOW);
    }

    private TestPluginContext context(Map<String, Object> settings, Instant now) {
        return TestPluginContext.builder().defaultsFrom(MispSettings.SCHEMA)
                .config(MispSettings.BASE_URL, server.url()).config(MispSettings.API_KEY, MispServer.KEY)
                .config(settings).clock(Clock.fixed(now, ZoneOffset.UTC)).build();
    }

    @Test
    void mapsAttributeTypesAndReportsTheOthers() {
        server.attribute("url", "https://bad.example/a", NOW - 10)
                .attribute("domain", "Evil.Example", NOW - 10)
                .attribute("hostname", "www.evil.example", NOW - 10)
                .attribute("ip-src", "198.51.100.1", NOW - 10)
                .attribute("ip-dst|port", "2001:db8::2|443", NOW - 10)
                .attribute("domain|ip", "c2.example|203.0.113.3", NOW - 10)
                .attribute("filename|sha256", "x.exe|" + "C".repeat(64), NOW - 10)
                .attribute("malware-sample", "x.exe|" + "d".repeat(32), NOW - 10)
                .attribute("ip-dst", "10.0.0.0/8", NOW - 10)
                .attribute("md5", "not-a-hash", NOW - 10)
                .attribute("email-src", "x@example.com", NOW - 10);

        PullPage<Indicator> page = plugin.pullIndicators(context(Map.of()), Checkpoint.initial());

        assertThat(page.items()).extracting(Indicator::type, Indicator::value).containsExactly(
                tuple(IndicatorType.URL, "https://bad.example/a"),
                tuple(IndicatorType.DOMAIN, "evil.example"),
                tuple(IndicatorType.HOSTNAME, "www.evil.example"),
                tuple(IndicatorType.IPV4, "198.51.100.1"),
                tuple(IndicatorType.IPV6, "2001:db8::2"),
                tuple(IndicatorType.DOMAIN, "c2.example"),
                tuple(IndicatorType.IPV4, "203.0.113.3"),
                tuple(IndicatorType.SHA256, "c".repeat(64)),
                tuple(IndicatorType.MD5, "d".repeat(32)));
        assertThat(page.rejected()).extracting(RejectedItem::reason)
                .containsExactly("address ranges (CIDR) are not supported", "not a valid MD5 hash");
        assertThat(page.items().get(0).comments()).isEqualTo("Phishing wave: seen in campaign");
        assertThat(page.items().get(0).extendedInformation()).isEqualTo(server.url() + "/events/view/7");
        assertThat(page.items().get(0).lastSeen()).isEqualTo(Instant.ofEpochSecond(NOW - 10));
        assertThat(server.queries.get(0)).containsEntry("returnFormat", "json").containsEntry("to_ids", 1L)
                .containsEntry("page", 1L).containsEntry("timestamp", List.of(Long.toString(NOW - 7 * 86400),
                        Long.toString(NOW)));
    }

    @Test
    void filtersOnToIdsTagsAndPublishedEvents() {
        server.attribute("domain", "ids.example", NOW - 10, true, List.of("tlp:white"), List.of(), true, NOW - 5)
                .attribute("domain", "noids.example", NOW - 10, false, List.of("tlp:white"), List.of(), true, NOW - 5)
                .attribute("domain", "fp.example", NOW - 10, true, List.of("false-positive"), List.of("tlp:white"), true,
                        NOW - 5)
                .attribute("domain", "draft.example", NOW - 10, true, List.of(), List.of("tlp:white"), false, 0)
                .attribute("domain", "eventtag.example", NOW - 10, true, List.of(), List.of("tlp:white"), true, NOW - 5);

        PullPage<Indicator> page = plugin.pullIndicators(context(Map.of(MispSettings.TAGS, "tlp:white",
                MispSettings.EXCLUDED_TAGS, "false-positive", MispSettings.PUBLISHED, true)), Checkpoint.initial());

        assertThat(page.items()).extracting(Indicator::value).containsExactly("ids.example", "eventtag.example");
        assertThat(page.items().get(1).tags()).containsExactly("tlp:white");
        assertThat(server.queries.get(0)).containsKey("publish_timestamp").doesNotContainKey("timestamp")
                .containsEntry("tags", List.of("tlp:white", "!false-positive"));
    }

    @Test
    void pagesThroughAFixedWindowThenStartsTheNextOneAfterIt() {
        for (int i = 0; i < 25; i++) {
            server.attribute("domain", "d" + i + ".example", NOW - 100 + i);
        }
        Map<String, Object> settings = Map.of(MispSettings.PAGE_SIZE, 10);
        List<PullPage<Indicator>> pages = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.initial();
        do {
            PullPage<Indicator> page = plugin.pullIndicators(context(settings), checkpoint);
            pages.add(page);
            checkpoint = page.next();
        } while (pages.get(pages.size() - 1).hasMore());

        assertThat(pages).extracting(p -> p.items().size()).containsExactly(10, 10, 5);
        assertThat(server.queries).extracting(q -> q.get("page")).containsExactly(1L, 2L, 3L);
        assertThat(server.queries).extracting(q -> q.get("timestamp")).containsOnly(
                List.of(Long.toString(NOW - 7 * 86400), Long.toString(NOW)));
        assertThat(checkpoint.values()).containsOnly(Map.entry(MispPlugin.SINCE, Long.toString(NOW + 1)));

        server.attribute("domain", "late.example", NOW + 30);
        PullPage<Indicator> later = plugin.pullIndicators(context(settings, Instant.ofEpochSecond(NOW + 60)), checkpoint);
        assertThat(later.items()).extracting(Indicator::value).containsExactly("late.example");
    }

    @Test
    void serverErrorsAreRetriedAndAWrongKeyIsReportedOnItsField() {
        server.attribute("domain", "a.example", NOW - 10).fail(429, 503);

        assertThat(plugin.pullIndicators(context(Map.of()), Checkpoint.initial()).items()).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        server.fail(500, 500, 500);
        assertThatThrownBy(() -> plugin.pullIndicators(context(Map.of()), Checkpoint.initial()))
                .isInstanceOf(MispException.class).hasMessageContaining("after 3 attempts");

        assertThat(plugin.validate(context(Map.of())).isValid()).isTrue();
        assertThat(plugin.validate(context(Map.of(MispSettings.API_KEY, "wrong"))).fieldErrors())
                .containsOnlyKeys(MispSettings.API_KEY)
                .hasEntrySatisfying(MispSettings.API_KEY, m -> assertThat(m).contains("HTTP 403"));
        assertThat(plugin.validate(context(Map.of(MispSettings.BASE_URL, server.url() + "/nothing"))).fieldErrors())
                .containsOnlyKeys(MispSettings.BASE_URL);
        assertThat(plugin.validate(context(Map.of(MispSettings.BASE_URL, "misp.example"))).fieldErrors())
                .containsOnlyKeys(MispSettings.BASE_URL);
    }
}

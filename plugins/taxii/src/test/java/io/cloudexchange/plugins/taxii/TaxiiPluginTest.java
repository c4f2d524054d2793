package io.cloudexchange.plugins.taxii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaxiiPluginTest {

    private static final Instant DAY = Instant.parse("2025-12-30T00:00:00Z");

    private final TaxiiServer server = new TaxiiServer().collection("c1", "URLs").collection("c2", "Hashes");
    private final List<Duration> sleeps = new ArrayList<>();
    private final TaxiiPlugin plugin = new TaxiiPlugin(3, sleeps::add);
    private final InMemoryKeyValueStore storage = new InMemoryKeyValueStore();

    TaxiiPluginTest() throws IOException {
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestPluginContext context(Map<String, Object> settings) {
        return TestPluginContext.builder().defaultsFrom(TaxiiSettings.SCHEMA)
                .config(TaxiiSettings.DISCOVERY_URL, server.discoveryUrl()).config(settings).storage(storage).build();
    }

    /** Pulls until the source has nothing more right now. */
    private List<PullPage<Indicator>> pullAll(Map<String, Object> settings, Checkpoint from) {
        List<PullPage<Indicator>> pages = new ArrayList<>();
        Checkpoint checkpoint = from;
        for (int i = 0; i < 50; i++) {
            PullPage<Indicator> page = plugin.pullIndicators(context(settings), checkpoint);
            pages.add(page);
            checkpoint = page.next();
            if (!page.hasMore()) {
                return pages;
            }
        }
        throw new AssertionError("never caught up");
    }

    private static List<Indicator> items(List<PullPage<Indicator>> pages) {
        return pages.stream().flatMap(p -> p.items().stream()).toList();
    }

    @Test
    void readsEverySupportedPatternAndRefusesTheOthers() {
        server.add("c1", DAY, Stix.indicator("1", "[url:value = 'https://bad.example/it\\'s']"))
                .add("c1", DAY.plusSeconds(1), Stix.indicator("2", "[domain-name:value = 'Evil.Example']"))
                .add("c1", DAY.plusSeconds(2), Stix.indicator("3", "[ipv4-addr:value = '203.0.113.5/32']"))
                .add("c1", DAY.plusSeconds(3), Stix.indicator("4", "[ipv6-addr:value = '2001:DB8::5']"))
                .add("c1", DAY.plusSeconds(4), Stix.indicator("5", "[file:hashes.'SHA-256' = '" + "A".repeat(64)
                        + "'] OR [file:hashes.MD5 = '" + "b".repeat(32) + "']"))
                .add("c1", DAY.plusSeconds(5), Stix.indicator("6", "[domain-name:value = 'a.example' OR"
                        + " domain-name:value = 'b.example']"))
                .add("c1", DAY.plusSeconds(6), Stix.indicator("7", "[url:value = 'https://x.example/'"
                        + " AND url:value = 'https://y.example/']"))
                .add("c1", DAY.plusSeconds(7), Stix.indicator("8", "[ipv4-addr:value = '10.0.0.0/8']"))
                .add("c1", DAY.plusSeconds(8), Stix.with(Stix.indicator("9", "alert tcp any any"), "pattern_type", "snort"))
                .add("c1", DAY.plusSeconds(9), Stix.indicator("10", "[email-addr:value = 'x@example.com']"))
                .add("c1", DAY.plusSeconds(10), Map.of("type", "malware", "id", "malware--1", "name", "x"));

        List<PullPage<Indicator>> pages = pullAll(Map.of(TaxiiSettings.COLLECTIONS, "c1"), Checkpoint.initial());

        assertThat(items(pages)).extracting(Indicator::type, Indicator::value).containsExactly(
                tuple(IndicatorType.URL, "https://bad.example/it's"),
                tuple(IndicatorType.DOMAIN, "evil.example"),
                tuple(IndicatorType.IPV4, "203.0.113.5"),
                tuple(IndicatorType.IPV6, "2001:db8::5"),
                tuple(IndicatorType.SHA256, "a".repeat(64)),
                tuple(IndicatorType.MD5, "b".repeat(32)),
                tuple(IndicatorType.DOMAIN, "a.example"),
                tuple(IndicatorType.DOMAIN, "b.example"));
        assertThat(pages.stream().flatMap(p -> p.rejected().stream())).extracting(RejectedItem::value)
                .hasSize(4).allSatisfy(v -> assertThat(v).startsWith("indicator--"));
        assertThat(server.queries).anySatisfy(q -> assertThat(q).contains("added_after=2025-12-25T00%3A00%3A00Z")
                .contains("match%5Btype%5D=indicator"));
    }

    @Test
    void mapsValidityConfidenceLabelsAndMarkings() {
        var object = Stix.indicator("1", "[url:value = 'https://bad.example/']");
        object.put("valid_until", "2026-02-01T00:00:00Z");
        object.put("confidence", 90);
        object.put("labels", List.of("phishing"));
        object.put("indicator_types", List.of("malicious-activity"));
        object.put("object_marking_refs", List.of("marking-definition--f88d31f6-486f-44da-b317-01333bde0b82"));
        object.put("name", "Bank phish");
        object.put("external_references", List.of(Map.of("source_name", "x", "url", "https://intel.example/r/1")));
        server.add("c1", DAY, object);

        Indicator indicator = items(pullAll(Map.of(), Checkpoint.initial())).get(0);

        assertThat(indicator.expiresAt()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(indicator.firstSeen()).isEqualTo(Instant.parse("2025-12-30T10:00:00Z"));
        assertThat(indicator.reputation()).isEqualTo(2);
        assertThat(indicator.tags()).containsExactly("phishing", "malicious-activity", "tlp:amber");
        assertThat(indicator.comments()).isEqualTo("Bank phish");
        assertThat(indicator.extendedInformation()).isEqualTo("https://intel.example/r/1");
    }

    @Test
    void pagesWithNextThenResumesAfterTheLastDateAddedOfEachCollection() {
        for (int i = 0; i < 5; i++) {
            server.add("c1", DAY.plusSeconds(i), Stix.indicator("u" + i, "[url:value = 'https://u" + i + ".example/']"));
            server.add("c2", DAY.plusSeconds(i), Stix.indicator("h" + i, "[file:hashes.MD5 = '" + (i + "").repeat(32) + "']"));
        }
        Map<String, Object> settings = Map.of(TaxiiSettings.PAGE_SIZE, 2);

        List<PullPage<Indicator>> first = pullAll(settings, Checkpoint.initial());

        assertThat(items(first)).hasSize(10);
        assertThat(first).hasSize(6);
        assertThat(server.queries).anySatisfy(q -> assertThat(q).contains("next=t1"));
        Checkpoint caughtUp = first.get(first.size() - 1).next();
        assertThat(caughtUp.values()).containsEntry("c1.added_after", "2025-12-30T00:00:04Z")
                .containsEntry("c2.added_after", "2025-12-30T00:00:04Z");

        server.add("c2", DAY.plusSeconds(60), Stix.indicator("h9", "[file:hashes.MD5 = '" + "9".repeat(32) + "']"));
        List<PullPage<Indicator>> again = pullAll(settings, caughtUp);
        assertThat(items(again)).extracting(Indicator::value).containsExactly("9".repeat(32));
    }

    @Test
    void withoutNextTheDateAddedLastHeaderPages() {
        server.withoutNext();
        for (int i = 0; i < 5; i++) {
            server.add("c1", DAY.plusSeconds(i), Stix.indicator("u" + i, "[url:value = 'https://u" + i + ".example/']"));
        }

        List<PullPage<Indicator>> pages = pullAll(Map.of(TaxiiSettings.PAGE_SIZE, 2, TaxiiSettings.COLLECTIONS, "URLs"),
                Checkpoint.initial());

        assertThat(items(pages)).extracting(Indicator::value).containsExactly("https://u0.example/",
                "https://u1.example/", "https://u2.example/", "https://u3.example/", "https://u4.example/");
        assertThat(server.queries).noneMatch(q -> q.contains("next="));
    }

    @Test
    void revokedIndicatorsAreNotPulledButRetracted() {
        server.add("c1", DAY, Stix.indicator("1", "[domain-name:value = 'gone.example']"));
        server.add("c1", DAY.plusSeconds(5), Stix.with(Stix.indicator("1", "[domain-name:value = 'gone.example']"),
                "revoked", true));
        server.add("c1", DAY.plusSeconds(6), Stix.indicator("2", "[domain-name:value = 'still.example']"));

        List<Indicator> pulled = items(pullAll(Map.of(), Checkpoint.initial()));

        assertThat(pulled).extracting(Indicator::value).containsExactly("gone.example", "still.example");
        List<Indicator> shared = List.of(Indicator.of(IndicatorType.DOMAIN, "gone.example"),
                Indicator.of(IndicatorType.DOMAIN, "still.example"));
        assertThat(plugin.retractedIndicators(context(Map.of()), shared)).extracting(Indicator::value)
                .containsExactly("gone.example");
    }

    @Test
    void rateLimitsAreRetriedAfterTheirRetryAfter() {
        server.add("c1", DAY, Stix.indicator("1", "[domain-name:value = 'a.example']")).tooManyRequests(2);

        assertThat(items(pullAll(Map.of(), Checkpoint.initial()))).hasSize(1);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));

        server.tooManyRequests(3);
        assertThatThrownBy(() -> plugin.pullIndicators(context(Map.of()), Checkpoint.initial()))
                .isInstanceOf(TaxiiException.class).hasMessageContaining("after 3 attempts: HTTP 429");
    }

    @Test
    void validationNamesTheWrongField() {
        server.requireBasic("reader", "pw");
        Map<String, Object> good = Map.of(TaxiiSettings.USERNAME, "reader", TaxiiSettings.PASSWORD, "pw");

        assertThat(plugin.validate(context(good)).isValid()).isTrue();
        assertThat(plugin.validate(context(Map.of(TaxiiSettings.USERNAME, "reader", TaxiiSettings.PASSWORD, "no")))
                .fieldErrors()).containsOnlyKeys(TaxiiSettings.PASSWORD);
        assertThat(plugin.validate(context(Map.of())).fieldErrors()).containsOnlyKeys(TaxiiSettings.USERNAME);
        var withCollection = new java.util.HashMap<>(good);
        withCollection.put(TaxiiSettings.COLLECTIONS, "c1, nope");
        assertThat(plugin.validate(context(withCollection)).fieldErrors()).containsOnlyKeys(TaxiiSettings.COLLECTIONS)
                .hasEntrySatisfying(TaxiiSettings.COLLECTIONS, m -> assertThat(m).contains("[nope]"));
        var badRoot = new java.util.HashMap<>(good);
        badRoot.put(TaxiiSettings.API_ROOT, "/nothing/");
        assertThat(plugin.validate(context(badRoot)).fieldErrors()).containsOnlyKeys(TaxiiSettings.API_ROOT);
        assertThat(plugin.validate(context(Map.of(TaxiiSettings.DISCOVERY_URL, "gopher://x"))).fieldErrors())
                .containsOnlyKeys(TaxiiSettings.DISCOVERY_URL);
    }
}

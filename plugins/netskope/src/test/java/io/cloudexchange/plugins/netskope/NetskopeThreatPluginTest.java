package io.cloudexchange.plugins.netskope;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.netskope.simulator.admin.DestinationProfiles;
import io.cloudexchange.netskope.simulator.admin.UrlLists;
import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import io.cloudexchange.plugins.netskope.cte.ShareActions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetskopeThreatPluginTest {

    private final NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant());
    private final NetskopeThreatPlugin plugin = new NetskopeThreatPlugin(NetskopeTestTenant.FAST_RETRIES,
            NetskopeTestTenant.SHORT_SLEEPS);
    private final InMemoryKeyValueStore storage = new InMemoryKeyValueStore();

    @AfterEach
    void stop() {
        tenant.close();
    }

    private TestPluginContext context(Map<String, Object> overrides) {
        return TestPluginContext.builder()
                .defaultsFrom(NetskopeThreatSettings.SCHEMA)
                .configurationId("cte-1")
                .config(NetskopeThreatSettings.TENANT_URL, tenant.baseUrl().toString())
                .config(NetskopeThreatSettings.V2_TOKEN, SimulatorConfig.DEFAULT_V2_TOKEN)
                .config(NetskopeThreatSettings.V1_TOKEN, SimulatorConfig.DEFAULT_V1_TOKEN)
                .config(overrides)
                .clock(Clock.systemUTC())
                .storage(storage)
                .build();
    }

    private TestPluginContext context() {
        return context(Map.of());
    }

    @Test
    void pullsHashesFromMalwareAlertsAndUrlsFromMalsiteAlertsUntilCaughtUp() {
        List<Indicator> all = new ArrayList<>();
        Checkpoint checkpoint = Checkpoint.initial();
        for (int i = 0; i < 40; i++) {
            PullPage<Indicator> page = plugin.pullIndicators(context(), checkpoint);
            assertThat(page.rejected()).isEmpty();
            all.addAll(page.items());
            checkpoint = page.next();
            if (!page.hasMore()) {
                break;
            }
        }

        // 500 malware alerts with an md5 and a sha256 each, 500 malsite alerts with a URL each
        assertThat(all.stream().filter(i -> i.type() == IndicatorType.MD5)).hasSize(500)
                .allSatisfy(i -> assertThat(i.value()).matches("[0-9a-f]{32}"));
        assertThat(all.stream().filter(i -> i.type() == IndicatorType.SHA256)).hasSize(500);
        assertThat(all.stream().filter(i -> i.type() == IndicatorType.URL))
                .hasSizeGreaterThan(450).allSatisfy(i -> {
                    assertThat(i.value()).startsWith("https://");
                    assertThat(i.tags()).containsExactly("netskope-malsite");
                    assertThat(i.lastSeen()).isNotNull();
                });
        assertThat(all).filteredOn(i -> i.type() == IndicatorType.MD5)
                .allSatisfy(i -> assertThat(i.comments()).contains("Trojan"));
        assertThat(checkpoint.values()).containsKeys("malware.page", "malsite.page");
    }

    @Test
    void sharesToAUrlListAndDeploys() {
        PushResult result = plugin.push(context(), List.of(url("https://bad.example.com/x"),
                Indicator.of(IndicatorType.DOMAIN, "*.evil.example"), Indicator.of(IndicatorType.IPV4, "203.0.113.9"),
                Indicator.of(IndicatorType.IPV6, "2001:db8::1"), Indicator.of(IndicatorType.MD5, "a".repeat(32)),
                Indicator.of(IndicatorType.URL, "evil.example/*")), urlList("ce-urls", Map.of()));

        assertThat(result.success()).isTrue();
        assertThat(result.rejected()).extracting(RejectedItem::value)
                .containsExactlyInAnyOrder("2001:db8::1", "a".repeat(32), "evil.example/*");
        UrlLists.UrlList list = tenant.tenant().urlLists().byName("ce-urls").orElseThrow();
        assertThat(list.applied()).containsExactly("https://bad.example.com/x", "*.evil.example", "203.0.113.9");
        assertThat(list.isPending()).as("deployed").isFalse();

        plugin.push(context(), List.of(url("https://bad.example.com/x"), url("https://worse.example.com/")),
                urlList("ce-urls", Map.of()));
        assertThat(tenant.tenant().urlLists().byName("ce-urls").orElseThrow().applied())
                .containsExactly("https://bad.example.com/x", "*.evil.example", "203.0.113.9", "https://worse.example.com/");
    }

    @Test
    void aUrlListBeyondItsSizeCapSpillsIntoNumberedLists() {
        List<Indicator> urls = IntStream.range(0, 25_000)
                .mapToObj(i -> url("https://host-" + i + ".example.com/" + "p".repeat(20))).toList();

        PushResult result = plugin.push(context(), urls, urlList("big", Map.of(ShareActions.MAX_SIZE_MB, 1)));

        assertThat(result.success()).as(result.message()).isTrue();
        List<UrlLists.UrlList> lists = tenant.tenant().urlLists().all();
        assertThat(lists).extracting(UrlLists.UrlList::name).containsExactly("big", "big-2");
        assertThat(lists).allSatisfy(list -> assertThat(list.applied().stream().mapToLong(u -> u.length() + 1L).sum())
                .isLessThanOrEqualTo(1024 * 1024));
        assertThat(lists.get(0).applied().size() + lists.get(1).applied().size()).isEqualTo(25_000);

        plugin.push(context(), List.of(url("https://one-more.example.com/")), urlList("big", Map.of(ShareActions.MAX_SIZE_MB, 1)));
        assertThat(tenant.tenant().urlLists().all()).hasSize(2)
                .filteredOn(list -> list.applied().contains("https://one-more.example.com/")).hasSize(1);
    }

    @Test
    void replaceModeMakesTheListHoldExactlyTheBatchAndRetractRemovesValues() {
        Action replace = urlList("ce-urls", Map.of(ShareActions.MODE, ShareActions.REPLACE));
        plugin.push(context(), List.of(url("https://a.example/"), url("https://b.example/")), replace);
        plugin.push(context(), List.of(url("https://b.example/"), url("https://c.example/")), replace);
        assertThat(tenant.tenant().urlLists().byName("ce-urls").orElseThrow().applied())
                .containsExactly("https://b.example/", "https://c.example/");

        PushResult retracted = plugin.retract(context(), List.of(url("https://b.example/"), url("https://c.example/")),
                replace);

        assertThat(retracted.success()).isTrue();
        assertThat(retracted.message()).contains("removed 2");
        assertThat(tenant.tenant().urlLists().byName("ce-urls").orElseThrow().applied())
                .as("the tenant refuses an empty list").containsExactly("cedefaultpush.io");
    }

    @Test
    void sharesHashesToTheFileHashListAndRetractsThem() {
        Action action = new Action(ShareActions.FILE_HASH_LIST, Map.of(ShareActions.LIST_NAME, "ce-hashes"));
        String md5 = "D41D8CD98F00B204E9800998ECF8427E";
        String sha = "b".repeat(64);

        PushResult pushed = plugin.push(context(), List.of(Indicator.of(IndicatorType.MD5, md5),
                Indicator.of(IndicatorType.SHA256, sha), url("https://x.example/")), action);
        plugin.push(context(), List.of(Indicator.of(IndicatorType.SHA256, "c".repeat(64))), action);

        assertThat(pushed.rejected()).extracting(RejectedItem::value).containsExactly("https://x.example/");
        assertThat(tenant.tenant().fileHashLists().byName("ce-hashes")).contains(
                List.of(md5.toLowerCase(), sha, "c".repeat(64)));
        plugin.retract(context(), List.of(Indicator.of(IndicatorType.SHA256, sha)), action);
        assertThat(tenant.tenant().fileHashLists().byName("ce-hashes")).contains(List.of(md5.toLowerCase(), "c".repeat(64)));
    }

    @Test
    void fileHashListNeedsTheV1Token() {
        Action action = new Action(ShareActions.FILE_HASH_LIST, Map.of(ShareActions.LIST_NAME, "ce-hashes"));
        TestPluginContext withoutV1 = context().toBuilder().config(NetskopeThreatSettings.V1_TOKEN, null).build();

        assertThat(plugin.validateAction(withoutV1, action).message()).contains("V1 API token");
        PushResult result = plugin.push(withoutV1, List.of(Indicator.of(IndicatorType.SHA256, "b".repeat(64))), action);
        assertThat(result.success()).isFalse();
        assertThat(result.retryable()).isFalse();
    }

    @Test
    void sharesToADestinationProfileAndRetracts() {
        Action action = new Action(ShareActions.DESTINATION_PROFILE, Map.of(ShareActions.PROFILE_NAME, "ce-dest"));

        plugin.push(context(), List.of(Indicator.of(IndicatorType.DOMAIN, "bad.example"),
                Indicator.of(IndicatorType.IPV4, "198.51.100.7")), action);
        plugin.push(context(), List.of(Indicator.of(IndicatorType.DOMAIN, "worse.example")), action);
        assertThat(tenant.tenant().destinationProfiles().byName("ce-dest")).get()
                .extracting(DestinationProfiles.Profile::applied)
                .isEqualTo(List.of("bad.example", "198.51.100.7", "worse.example"));

        plugin.retract(context(), List.of(Indicator.of(IndicatorType.DOMAIN, "bad.example")), action);
        assertThat(tenant.tenant().destinationProfiles().byName("ce-dest")).get()
                .extracting(DestinationProfiles.Profile::applied).isEqualTo(List.of("198.51.100.7", "worse.example"));
    }

    @Test
    void regexProfileValuesBeyondTheCapAreRejected() {
        Action action = new Action(ShareActions.DESTINATION_PROFILE, Map.of(ShareActions.PROFILE_NAME, "ce-regex",
                ShareActions.PROFILE_TYPE, "regex"));
        List<Indicator> patterns = IntStream.range(0, 1_005)
                .mapToObj(i -> Indicator.of(IndicatorType.URL, "r" + i + "\\.example")).toList();

        PushResult result = plugin.push(context(), patterns, action);

        assertThat(result.success()).isTrue();
        assertThat(result.rejected()).hasSize(5).allSatisfy(r -> assertThat(r.reason()).contains("is full"));
    }

    @Test
    void aTenantOutageIsATransientFailure() {
        tenant.faults().serverErrors(100);

        PushResult result = plugin.push(context(), List.of(url("https://a.example/")), urlList("ce-urls", Map.of()));

        assertThat(result.success()).isFalse();
        assertThat(result.retryable()).isTrue();
    }

    @Test
    void validationNamesTheWrongField() {
        assertThat(plugin.validate(context()).isValid()).isTrue();
        assertThat(plugin.validate(context(Map.of(NetskopeThreatSettings.V2_TOKEN, "wrong"))).fieldErrors())
                .containsOnlyKeys(NetskopeThreatSettings.V2_TOKEN);
        assertThat(plugin.validate(context(Map.of(NetskopeThreatSettings.V1_TOKEN, "wrong"))).fieldErrors())
                .containsOnlyKeys(NetskopeThreatSettings.V1_TOKEN);
        assertThat(plugin.validate(context(Map.of(NetskopeThreatSettings.TENANT_URL, "not a url"))).fieldErrors())
                .containsOnlyKeys(NetskopeThreatSettings.TENANT_URL);
        tenant.tokens().add(SimulatorConfig.DEFAULT_V2_TOKEN, Set.of("/api/v2/events/dataexport/alerts/malware",
                "/api/v2/policy/urllist"));
        assertThat(plugin.validate(context()).fieldErrors()).containsOnlyKeys(NetskopeThreatSettings.PULL_TYPES)
                .hasEntrySatisfying(NetskopeThreatSettings.PULL_TYPES, m -> assertThat(m).contains("alerts/malsite"));
    }

    @Test
    void anUnreachableTenantIsReportedOnTheUrl() {
        String url = tenant.baseUrl().toString();
        tenant.close();

        assertThat(plugin.validate(context(Map.of(NetskopeThreatSettings.TENANT_URL, url))).fieldErrors())
                .containsOnlyKeys(NetskopeThreatSettings.TENANT_URL);
    }

    private static Indicator url(String value) {
        return Indicator.of(IndicatorType.URL, value);
    }

    private static Action urlList(String name, Map<String, Object> more) {
        Map<String, Object> parameters = new java.util.HashMap<>(more);
        parameters.put(ShareActions.LIST_NAME, name);
        return new Action(ShareActions.URL_LIST, parameters);
    }
}

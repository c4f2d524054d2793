package io.cloudexchange.plugins.netskope.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.netskope.simulator.admin.AppInstances;
import io.cloudexchange.netskope.simulator.admin.DestinationProfiles;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import io.cloudexchange.plugins.netskope.http.RetryPolicy;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetskopeAdminClientTest {

    private final NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults().withRequestsPerSecond(0));
    private final NetskopeAdminClient client = new NetskopeAdminClient(new TenantHttp(HttpClient.newHttpClient(),
            TenantUrl.parse(tenant.baseUrl().toString()), SimulatorConfig.DEFAULT_V2_TOKEN, "test",
            new InMemoryKeyValueStore(), Clock.systemUTC(),
            new RetryPolicy(Duration.ofMillis(5), Duration.ofMillis(20), 4, Duration.ofSeconds(5), Duration.ofSeconds(5)),
            duration -> Thread.sleep(Math.min(duration.toMillis(), 20))));

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void urlListsAreCreatedChangedAndAppliedByDeploy() {
        UrlList created = client.createUrlList("ce-malsites", "exact", List.of("bad.example.com"));
        client.appendUrls(created.id(), "exact", List.of("worse.example.com"),
                List.of("bad.example.com", "worse.example.com"));

        assertThat(client.urlLists()).singleElement().satisfies(list -> {
            assertThat(list.urls()).containsExactly("bad.example.com", "worse.example.com");
            assertThat(list.pending()).isTrue();
        });
        client.deployUrlLists();
        client.replaceUrls(created.id(), "ce-malsites", "exact", List.of("worse.example.com"));
        client.deployUrlLists();

        var stored = tenant.tenant().urlLists().byName("ce-malsites").orElseThrow();
        assertThat(stored.applied()).containsExactly("worse.example.com");
        assertThat(stored.isPending()).isFalse();
    }

    @Test
    void aUrlListAbove7MegabytesIsRefusedBeforeSending() {
        List<String> urls = IntStream.range(0, 80_000).mapToObj(i -> "https://host-" + i + ".example.com/" + "p".repeat(70)).toList();

        assertThatThrownBy(() -> client.createUrlList("huge", "exact", urls)).isInstanceOf(ListTooLargeException.class)
                .hasMessageContaining("7 MB");
        assertThat(tenant.requests().entries()).isEmpty();
    }

    @Test
    void fileHashListsReplaceTheListAndReportUnchangedUploads() {
        List<String> hashes = List.of("d41d8cd98f00b204e9800998ecf8427e", "f".repeat(64));

        assertThat(client.updateFileHashList("ce-hashes", hashes, SimulatorConfig.DEFAULT_V1_TOKEN))
                .isEqualTo(NetskopeAdminClient.HashListUpdate.UPDATED);
        assertThat(client.updateFileHashList("ce-hashes", hashes, SimulatorConfig.DEFAULT_V1_TOKEN))
                .isEqualTo(NetskopeAdminClient.HashListUpdate.UNCHANGED);
        assertThat(tenant.tenant().fileHashLists().byName("ce-hashes")).contains(hashes);
        assertThatThrownBy(() -> client.updateFileHashList("ce-hashes", hashes, "wrong-v1"))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("v1 token is invalid");
    }

    @Test
    void destinationProfilesAreCreatedChangedAndAppliedByDeploy() {
        DestinationProfile created = client.createDestinationProfile("ce-destinations", "exact", List.of("bad.example.com"));
        client.addDestinationValues(created.id(), "exact", List.of("worse.example.com"), 2);

        assertThat(client.destinationProfile(created.id()))
                .isEqualTo(new DestinationProfile(created.id(), "ce-destinations", "exact",
                        List.of("bad.example.com", "worse.example.com"), true));
        client.replaceDestinationValues(created.id(), "exact", List.of("worse.example.com"));
        client.deployDestinationProfiles();
        assertThat(client.destinationProfiles()).singleElement()
                .satisfies(profile -> assertThat(profile.pending()).isFalse())
                .satisfies(profile -> assertThat(profile.values()).containsExactly("worse.example.com"));
        assertThat(tenant.tenant().destinationProfiles().byName("ce-destinations")).get()
                .extracting(DestinationProfiles.Profile::applied).isEqualTo(List.of("worse.example.com"));
    }

    @Test
    void destinationProfileCapsAreCheckedBeforeSendingAndByTheTenant() {
        List<String> regexes = IntStream.range(0, 1_001).mapToObj(i -> "r" + i + "\\.example").toList();
        assertThatThrownBy(() -> client.createDestinationProfile("too-many", "regex", regexes))
                .isInstanceOf(ListTooLargeException.class).hasMessageContaining("at most 1000");
        assertThat(tenant.requests().entries()).isEmpty();

        client.createDestinationProfile("regex-a", "regex", regexes.subList(0, 600));
        assertThatThrownBy(() -> client.createDestinationProfile("regex-b", "regex", regexes.subList(600, 1_001)))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("at most 1000 in all profiles");
    }

    @Test
    void appInstancesAreAddedUpdatedListedAndDeleted() {
        String v1 = SimulatorConfig.DEFAULT_V1_TOKEN;
        AppInstance box = new AppInstance("Box", "acme-box", "Acme Box", List.of("Sanctioned"));
        AppInstance drive = new AppInstance("Google Drive", "acme.example", "Acme Drive", List.of());

        client.addAppInstances(List.of(box, drive), v1);
        client.updateAppInstances(List.of(new AppInstance("Box", "acme-box", "Acme Box EU", List.of("Unsanctioned"))), v1);

        assertThat(client.appInstances(v1)).containsExactly(
                new AppInstance("Box", "acme-box", "Acme Box EU", List.of("Unsanctioned")), drive);
        assertThatThrownBy(() -> client.addAppInstances(List.of(box), v1))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("already exists");
        client.deleteAppInstances(List.of(drive), v1);
        assertThat(tenant.tenant().appInstances().find("Google Drive", "acme.example")).isEmpty();
        assertThat(tenant.tenant().appInstances().find("Box", "acme-box")).get()
                .extracting(AppInstances.Instance::tags).isEqualTo(List.of("Unsanctioned"));
        assertThatThrownBy(() -> client.updateAppInstances(List.of(drive), v1))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("not found");
        assertThatThrownBy(() -> client.appInstances("wrong-v1"))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("v1 token is invalid");
    }

    @Test
    void uciScoresAreReadLoweredAndReset() {
        client.uciImpact("alice@acme.example", 300, 1_700_000_000_000L, "Cloud Exchange", "malware download");

        assertThat(client.uci(List.of("alice@acme.example", "bob@acme.example")))
                .containsEntry("alice@acme.example", 700L).containsEntry("bob@acme.example", 1000L);
        client.resetUci(List.of("alice@acme.example"));
        assertThat(tenant.tenant().userConfidence().score("alice@acme.example")).isEqualTo(1000);
        assertThatThrownBy(() -> client.uciImpact("alice@acme.example", 0, 0, "x", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void uciQueriesAreSplitIntoBatchesOf512Users() {
        List<String> users = IntStream.range(0, 1100).mapToObj(i -> "user" + i + "@acme.example").toList();

        assertThat(client.uci(users)).hasSize(1100);
        assertThat(tenant.requests().entries()).hasSize(3);
    }

    @Test
    void anImpactIsNotRepeatedWhenTheTenantMayHaveAppliedIt() {
        tenant.faults().serverErrors(1);

        assertThatThrownBy(() -> client.uciImpact("bob@acme.example", 10, 0, "x", "y"))
                .isInstanceOf(NetskopeApiException.class).hasMessageContaining("not repeated");
        tenant.faults().tooManyRequests(2, 1);
        client.uciImpact("bob@acme.example", 10, 0, "x", "y");

        assertThat(tenant.tenant().userConfidence().impacts()).hasSize(1);
    }

    @Test
    void appsAreTaggedAndUntagged() {
        client.createAppTag("Sanctioned by CE", List.of("Box"));
        client.tagApps("Sanctioned by CE", List.of("Slack", "Dropbox"), false);
        client.tagApps("Sanctioned by CE", List.of("Dropbox"), true);

        assertThat(tenant.tenant().appTags().apps("Sanctioned by CE")).containsExactlyInAnyOrder("Box", "Slack");
    }

    @Test
    void incidentUpdatesAreSentInBatchesOfTen() {
        List<IncidentChange> changes = IntStream.range(0, 25).mapToObj(i ->
                new IncidentChange("inc-" + i, "status", "new", "in_progress", "soc@acme.example")).toList();

        client.updateIncidents(changes);

        assertThat(tenant.requests().entries()).hasSize(3);
        assertThat(tenant.tenant().incidents().incident("inc-24")).containsEntry("status", "in_progress");
    }

    @Test
    void aMissingScopeNamesTheEndpoint() {
        tenant.tokens().add(SimulatorConfig.DEFAULT_V2_TOKEN, java.util.Set.of("/api/v2/events"));

        assertThatThrownBy(client::urlLists).isInstanceOf(NetskopeApiException.class)
                .hasMessageContaining("lacks the scope /api/v2/policy/urllist");
    }
}

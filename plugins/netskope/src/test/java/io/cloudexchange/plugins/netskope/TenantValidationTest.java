package io.cloudexchange.plugins.netskope;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.testkit.InMemoryKeyValueStore;
import io.cloudexchange.plugin.testkit.TestPluginContext;
import java.net.ServerSocket;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TenantValidationTest {

    private final NetskopeSimulator tenant = NetskopeSimulator.start(NetskopeTestTenant.smallTenant()
            .withV2Token("dlp-only", Set.of("/api/v2/events/dataexport/alerts/dlp")));
    private final NetskopeLogSourcePlugin plugin = new NetskopeLogSourcePlugin();

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void aWorkingTokenWithEveryScopeIsValid() {
        assertThat(validate(context().build()).isValid()).isTrue();
    }

    @Test
    void aConfigurationNotSavedYetValidatesToo() {
        assertThat(validate(context().configurationId(null).build()).isValid()).isTrue();
    }

    @Test
    void aTenantUrlThatIsNotOneIsReportedOnItsField() {
        ValidationResult result = validate(context().config(NetskopeSettings.TENANT_URL, "https://acme.example.com").build());

        assertThat(result.fieldErrors()).containsOnlyKeys(NetskopeSettings.TENANT_URL);
        assertThat(result.fieldErrors().get(NetskopeSettings.TENANT_URL)).contains("not a Netskope tenant");
    }

    @Test
    void aWrongTokenIsReportedOnTheTokenField() {
        ValidationResult result = validate(context().config(NetskopeSettings.V2_TOKEN, "bogus-token-123").build());

        assertThat(result.fieldErrors()).containsOnlyKeys(NetskopeSettings.V2_TOKEN);
        assertThat(result.fieldErrors().get(NetskopeSettings.V2_TOKEN)).contains("401").doesNotContain("bogus-token-123");
    }

    @Test
    void missingScopesAreNamedOnTheTypeFields() {
        ValidationResult result = validate(context().config(NetskopeSettings.V2_TOKEN, "dlp-only")
                .config(NetskopeSettings.ALERT_TYPES, List.of("dlp", "malware")).build());

        assertThat(result.fieldErrors()).containsOnlyKeys(NetskopeSettings.ALERT_TYPES, NetskopeSettings.EVENT_TYPES);
        assertThat(result.fieldErrors().get(NetskopeSettings.ALERT_TYPES))
                .contains("/api/v2/events/dataexport/alerts/malware").doesNotContain("alerts/dlp");
        assertThat(result.fieldErrors().get(NetskopeSettings.EVENT_TYPES)).contains("/api/v2/events/dataexport/events/page");
    }

    @Test
    void anUnreachableTenantIsReportedOnTheUrlField() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        ValidationResult result = validate(context().config(NetskopeSettings.TENANT_URL, "http://127.0.0.1:" + closedPort).build());

        assertThat(result.fieldErrors()).containsOnlyKeys(NetskopeSettings.TENANT_URL);
        assertThat(result.fieldErrors().get(NetskopeSettings.TENANT_URL)).startsWith("Cannot reach http://127.0.0.1:");
    }

    @Test
    void noTypeAtAllIsReported() {
        ValidationResult result = validate(context().config(NetskopeSettings.ALERT_TYPES, List.of())
                .config(NetskopeSettings.EVENT_TYPES, List.of()).build());

        assertThat(result.fieldErrors()).containsOnlyKeys(NetskopeSettings.ALERT_TYPES);
    }

    @Test
    void probesReadNothingAndUseTheirOwnIndex() {
        validate(context().build());

        assertThat(tenant.requests().entries()).allSatisfy(request -> {
            assertThat(request.index()).endsWith("_validate_token");
            assertThat(Long.parseLong(request.operation())).isGreaterThan(System.currentTimeMillis() / 1000);
        });
    }

    private ValidationResult validate(TestPluginContext context) {
        ValidationResult schema = plugin.configSchema().validate(context.config().values());
        assertThat(schema.fieldErrors()).isEmpty();
        return plugin.validate(context);
    }

    private TestPluginContext.Builder context() {
        return NetskopeTestTenant.context(tenant, new InMemoryKeyValueStore()).toBuilder();
    }
}

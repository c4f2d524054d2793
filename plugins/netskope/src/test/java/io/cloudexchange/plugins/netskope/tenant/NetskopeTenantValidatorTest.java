package io.cloudexchange.plugins.netskope.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.cloudexchange.netskope.simulator.NetskopeSimulator;
import io.cloudexchange.netskope.simulator.SimulatorConfig;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.tenant.TenantCheck;
import io.cloudexchange.plugin.api.tenant.TenantValidator;
import java.net.http.HttpClient;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NetskopeTenantValidatorTest {

    private static final String DLP_ONLY = "dlp-only-token";

    private final NetskopeSimulator tenant = NetskopeSimulator.start(SimulatorConfig.defaults()
            .withRequestsPerSecond(2).withV2Token(DLP_ONLY, Set.of("/api/v2/events/dataexport/alerts/dlp")));
    private final TenantValidator validator = ServiceLoader.load(TenantValidator.class).findFirst().orElseThrow();
    private final HttpClient client = HttpClient.newHttpClient();

    @AfterEach
    void stop() {
        tenant.close();
    }

    @Test
    void isFoundByTheServiceLoader() {
        assertThat(validator).isInstanceOf(NetskopeTenantValidator.class);
    }

    @Test
    void normalisesTenantNamesAndRefusesLoopbackUnlessAllowed() {
        assertThat(validator.normaliseUrl("acme.eu", false)).isEqualTo("https://acme.eu.goskope.com");
        assertThat(validator.normaliseUrl("http://127.0.0.1:8800/", true)).isEqualTo("http://127.0.0.1:8800");
        assertThatIllegalArgumentException().isThrownBy(() -> validator.normaliseUrl("http://127.0.0.1:8800", false))
                .withMessageContaining("local address");
        assertThatIllegalArgumentException().isThrownBy(() -> validator.normaliseUrl("https://acme.example.com", true))
                .withMessageContaining("not a Netskope tenant");
    }

    @Test
    void aTokenThatReadsEveryTypeIsValidEvenBeyondTheRateLimit() {
        ValidationResult result = validate(SimulatorConfig.DEFAULT_V2_TOKEN, List.of("dlp", "malware", "policy"),
                List.of("application", "audit"));

        assertThat(result.isValid()).as(result.toString()).isTrue();
    }

    @Test
    void aWrongTokenIsInvalidOrExpired() {
        ValidationResult result = validate("wrong-token-42", List.of("dlp"), List.of());

        assertThat(result.fieldErrors()).containsOnlyKeys(TenantValidator.V2_TOKEN);
        assertThat(result.fieldErrors().get(TenantValidator.V2_TOKEN)).contains("invalid or expired")
                .doesNotContain("wrong-token-42");
    }

    @Test
    void missingScopesAreNamedOnTheToken() {
        ValidationResult result = validate(DLP_ONLY, List.of("dlp", "malware"), List.of("audit"));

        assertThat(result.fieldErrors()).containsOnlyKeys(TenantValidator.V2_TOKEN);
        assertThat(result.fieldErrors().get(TenantValidator.V2_TOKEN))
                .contains("missing scopes: /api/v2/events/dataexport/alerts/malware, /api/v2/events/dataexport/events/audit")
                .doesNotContain("alerts/dlp");
    }

    @Test
    void unknownOrNoTypesAreReportedWithoutCallingTheTenant() {
        assertThat(validate(SimulatorConfig.DEFAULT_V2_TOKEN, List.of("dlpp"), List.of("nope")).fieldErrors())
                .containsOnlyKeys(TenantValidator.ALERT_TYPES, TenantValidator.EVENT_TYPES);
        assertThat(validate(SimulatorConfig.DEFAULT_V2_TOKEN, List.of(), List.of()).fieldErrors())
                .containsOnlyKeys(TenantValidator.ALERT_TYPES);
        assertThat(tenant.requests().entries()).isEmpty();
    }

    private ValidationResult validate(String token, List<String> alertTypes, List<String> eventTypes) {
        return validator.validate(new TenantCheck(tenant.baseUrl().toString(), token, alertTypes, eventTypes),
                client, "cloud-exchange-test");
    }
}

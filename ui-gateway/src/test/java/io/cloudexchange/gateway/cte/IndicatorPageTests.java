package io.cloudexchange.gateway.cte;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class IndicatorPageTests extends GatewayTestSupport {

    @Test
    void listsIndicatorsInTheShapeTheCoreAnswersWith() throws Exception {
        core.passwordAlreadyChanged();
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        HttpResponse<String> page = browser.get("/cte");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("10.235.111.102", "MEDIUM", "sample-threat-feed").doesNotContain("alert error");
    }

    @Test
    void theQueryBoxFiltersThroughTheCoreAndShowsItsReasonForABadQuery() throws Exception {
        core.passwordAlreadyChanged();
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);

        HttpResponse<String> page = browser.get("/cte?q=" + java.net.URLEncoder.encode("severity >= \"high\"",
                java.nio.charset.StandardCharsets.UTF_8));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(core.lastRequestTo("/api/cte/indicators").query()).contains("q=severity");
        assertThat(page.body()).contains("10.235.111.102");

        core.answer("GET /api/cte/indicators", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"q":"expected a value after '>=' (at offset 11)"}}""");
        HttpResponse<String> bad = browser.get("/cte?q=severity%20%3E%3D");

        assertThat(bad.statusCode()).isEqualTo(200);
        assertThat(bad.body()).contains("expected a value after").contains("0 indicators match");
    }
}

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
}

package io.cloudexchange.gateway.configurations;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PluginConfigurationPageTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void rendersTheFormFromThePluginSchema() throws Exception {
        String page = browser.get("/settings/configurations/new?pluginId=demo").body().replaceAll("\\s+", " ");

        assertThat(page).contains("<legend>Connection</legend>", "<legend>Filters</legend>");
        assertThat(page).contains("<input id=\"param-base_url\" name=\"param.base_url\" value=\"\" "
                + "placeholder=\"https://feed.example\" required=\"required\">");
        assertThat(page).contains("<input type=\"password\" autocomplete=\"new-password\" id=\"param-api_key\"");
        assertThat(page).contains("<input type=\"number\" step=\"any\" id=\"param-count\" name=\"param.count\" "
                + "value=\"100\" min=\"1\" max=\"10000\">", "How many indicators one pull fetches");
        assertThat(page).contains("<option value=\"high\" selected=\"selected\">High</option>");
        assertThat(page).contains("<select multiple id=\"param-types\" name=\"param.types\"",
                "<option value=\"sha256\" selected=\"selected\">SHA-256</option>", "<option value=\"md5\">MD5</option>");
        assertThat(page).contains("<textarea rows=\"5\" id=\"param-notes\" name=\"param.notes\"");
        assertThat(page).contains("<input type=\"checkbox\" id=\"param-share\" name=\"param.share\" value=\"true\" "
                + "checked=\"checked\">");
        assertThat(page).contains("<span class=\"mandatory\" title=\"required\">*</span>");
    }

    @Test
    void sendsTypedParametersAndShowsCoreFieldErrorsNextToTheInputs() throws Exception {
        String csrf = browser.csrfTokenFrom("/settings/configurations/new?pluginId=demo");

        HttpResponse<String> answer = browser.postForm("/settings/configurations", "_csrf", csrf,
                "pluginId", "demo", "name", "", "pollIntervalSeconds", "300", "enabled", "true",
                "param.base_url", "https://feed.example", "param.api_key", "secret", "param.count", "0",
                "param.severity", "low", "param.types", "url", "param.types", "md5", "param.share", "true");

        assertThat(core.lastRequestTo("/api/configurations").text()).contains(
                "\"parameters\":{\"base_url\":\"https://feed.example\",\"api_key\":\"secret\",\"count\":0,"
                        + "\"severity\":\"low\",\"types\":[\"url\",\"md5\"],\"share\":true}",
                "\"pollIntervalSeconds\":300");
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains(
                "<p class=\"field-error\" id=\"param-count-error\">must be between 1 and 10000</p>",
                "is required", "2 fields are invalid", "value=\"0\"");
    }

    @Test
    void listsConfigurationsWithTheirStatus() throws Exception {
        String page = browser.get("/settings/configurations").body();

        assertThat(page).contains("Demo feed", "Demo Threat Feed", "Enabled", "SUCCESS", "1000 items", "Pull now");
    }
}

package io.cloudexchange.gateway.tenants;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TenantPageTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void aNewTenantOffersEveryTypeWithCoresDefaultsSelected() throws Exception {
        String page = browser.get("/settings/tenants/new").body();

        assertThat(page).contains("<select id=\"alertTypes\" name=\"alertTypes\" multiple",
                "<option value=\"dlp\" selected=\"selected\">DLP</option>",
                "<option value=\"policy\" selected=\"selected\">Policy</option>",
                "<option value=\"uba\">UBA</option>",
                "<option value=\"application\" selected=\"selected\">Application</option>",
                "<option value=\"audit\" selected=\"selected\">Audit</option>",
                "<option value=\"page\">Page</option>");
    }

    @Test
    void editingSelectsTheStoredTypes() throws Exception {
        String page = browser.get("/settings/tenants/t1").body();

        assertThat(page).contains("<option value=\"uba\" selected=\"selected\">UBA</option>",
                "<option value=\"network\" selected=\"selected\">Network</option>",
                "<option value=\"dlp\">DLP</option>", "<option value=\"application\">Application</option>");
    }

    @Test
    void sendsTheChosenTypesAndShowsCoresFieldErrorsNextToTheInputs() throws Exception {
        core.answer("POST /api/tenants", 400, """
                {"type":"about:blank","title":"Validation failed","status":400,"detail":"4 fields are invalid",
                 "errors":{"url":"Cannot reach https://acme.goskope.com","v2Token":"The token is invalid or expired (HTTP 401)",
                  "alertTypes":"Unknown types x; choose from dlp, malware","eventTypes":"choose at least one type"}}""");
        String csrf = browser.csrfTokenFrom("/settings/tenants/new");

        HttpResponse<String> answer = browser.postForm("/settings/tenants", "_csrf", csrf, "name", "Acme",
                "url", "acme", "v2Token", "secret", "alertTypes", "dlp", "alertTypes", "uba",
                "alertsInitialRangeDays", "7", "eventsInitialRangeHours", "24");

        assertThat(core.lastRequestTo("/api/tenants").text()).contains(
                "\"alertTypes\":[\"dlp\",\"uba\"]", "\"eventTypes\":[]", "\"v2Token\":\"secret\"");
        assertThat(answer.statusCode()).isEqualTo(200);
        String page = answer.body().replaceAll("\\s+", " ");
        assertThat(page).contains(
                "placeholder=\"https://example.goskope.com\" required> <p class=\"field-error\">Cannot reach",
                "<p class=\"field-error\">The token is invalid or expired (HTTP 401)</p>",
                "</select> <p class=\"field-error\">Unknown types x; choose from dlp, malware</p>",
                "<p class=\"field-error\">choose at least one type</p>",
                "<option value=\"uba\" selected=\"selected\">UBA</option>", "4 fields are invalid");
    }
}

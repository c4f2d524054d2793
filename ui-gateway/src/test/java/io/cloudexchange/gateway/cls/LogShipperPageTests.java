package io.cloudexchange.gateway.cls;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Log Shipper page against the core's answers: counters, chart, mappings, rules, dead letters, forms. */
class LogShipperPageTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        core.modules("{\"CTE\":true,\"CTO\":false,\"CRE\":false,\"ARE\":false,\"CLS\":true}");
        String minute = Instant.now().truncatedTo(ChronoUnit.MINUTES).toString();
        core.answer("GET /api/cls/counters", 200, """
                [{"mappingId":"m1","name":"to splunk","destinationConfigurationId":"d1",
                  "totals":{"pulled":120,"filteredOut":20,"sent":97,"failed":4,"deadLettered":3,"discarded":6543},"lagSeconds":1.5,
                  "queuedBatches":7,"sourcePaused":true,
                  "series":[{"minute":"%s","counts":{"pulled":120,"filteredOut":20,"sent":97,"failed":4,"deadLettered":3}}]}]"""
                .formatted(minute));
        core.answer("GET /api/cls/siem-mappings", 200, """
                [{"id":"m1","name":"to splunk","sourceConfigurationId":"s1","businessRuleId":"all",
                  "destinationConfigurationId":"d1","mappingFileId":"default-cef-syslog","format":"CEF","enabled":true,
                  "onRepeatedFailure":{"action":"DISCARD","afterAttempts":25}}]""");
        core.answer("GET /api/cls/business-rules", 200, """
                [{"id":"all","name":"All","query":"","builtIn":true},
                 {"id":"r2","name":"DLP only","query":"alert_type == \\"dlp\\"","builtIn":false}]""");
        core.answer("GET /api/configurations", 200, """
                [{"id":"s1","name":"Netskope tenant","module":"CLS","pluginId":"netskope-logs"},
                 {"id":"d1","name":"Splunk HEC","module":"CLS","pluginId":"splunk-hec"},
                 {"id":"x","name":"Threat feed","module":"CTE","pluginId":"demo"}]""");
        core.answer("GET /api/cls/dead-letters", 200, """
                {"items":[{"id":"dl1","mappingId":"m1","recordId":"a-7","stream":"alert:dlp",
                  "reason":"refused by the destination: 400 bad field","failedAt":"2026-11-29T10:00:00Z"}],
                 "page":0,"size":50,"total":1}""");
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void showsCountersChartMappingsRulesAndDeadLetters() throws Exception {
        HttpResponse<String> page = browser.get("/cls");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("to splunk", "97", "paused (destination backlog)", "Netskope tenant", "Splunk HEC",
                        "default-cef-syslog", "DLP only", "refused by the destination: 400 bad field", "a-7",
                        "97 events sent in the last hour", "href=\"/cls/mapping-files\"")
                .contains("<th>Discarded</th>", "<td>6543</td>", "discard after 25 attempts",
                        "name=\"repeatedFailureAction\"", "name=\"repeatedFailureAttempts\"")
                .contains("<polyline")
                .doesNotContain("Threat feed")
                .doesNotContain("alert error");
    }

    @Test
    void replayAndNewMappingsGoToTheCoreAndRefusalsAreShown() throws Exception {
        String csrf = browser.csrfTokenFrom("/cls");
        core.answer("POST /api/cls/dead-letters/replay", 202, "{\"replayed\":1,\"skipped\":0}");
        browser.postForm("/cls/dead-letters/replay", "id", "dl1", "_csrf", csrf);
        assertThat(core.lastRequestTo("POST", "/api/cls/dead-letters/replay").text()).contains("\"ids\":[\"dl1\"]");
        assertThat(browser.get("/cls").body()).contains("Dead letters queued for delivery again.");

        core.answer("POST /api/cls/siem-mappings", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"mappingFileId":"no mapping file 'nope'"}}""");
        HttpResponse<String> refused = browser.postForm("/cls/siem-mappings", "name", "x", "sourceConfigurationId", "s1",
                "businessRuleId", "all", "destinationConfigurationId", "d1", "mappingFileId", "nope", "_csrf", csrf);
        String page = refused.statusCode() == 302 || refused.statusCode() == 303 ? browser.get("/cls").body() : refused.body();
        assertThat(page).contains("mappingFileId: no mapping file &#39;nope&#39;");
        assertThat(core.lastRequestTo("POST", "/api/cls/siem-mappings").text())
                .contains("\"onRepeatedFailure\":{\"action\":\"KEEP_RETRYING\"}");

        browser.postForm("/cls/siem-mappings", "name", "x", "sourceConfigurationId", "s1", "businessRuleId", "all",
                "destinationConfigurationId", "d1", "mappingFileId", "default-json", "repeatedFailureAction",
                "DEAD_LETTER", "repeatedFailureAttempts", "12", "_csrf", csrf);
        assertThat(core.lastRequestTo("POST", "/api/cls/siem-mappings").text())
                .contains("\"onRepeatedFailure\":{\"action\":\"DEAD_LETTER\",\"afterAttempts\":12}");
    }

    @Test
    void eachMappingOffersAHistoricalPullWhosePanelPollsWhileItRunsAndCanCancelIt() throws Exception {
        assertThat(browser.get("/cls").body()).contains("Historical data: to splunk",
                "hx-get=\"/cls/siem-mappings/m1/history\"");
        core.answer("GET /api/cls/historical-pulls", 200, """
                {"mappingId":"m1","supported":true,"reason":null,"jobs":[{"id":"j1","mappingId":"m1",
                  "from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","status":"RUNNING","pages":3,
                  "records":750,"percent":42,"lastError":null}]}""");

        String panel = browser.get("/cls/siem-mappings/m1/history").body();

        assertThat(panel).contains("Pull historical data", "type=\"datetime-local\"", "42 %", "750", "RUNNING",
                "hx-trigger=\"every 2s\"", "/cls/historical-pulls/j1/cancel?mappingId=m1");

        String csrf = browser.csrfTokenFrom("/cls");
        core.answer("POST /api/cls/historical-pulls", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"to":"must not be in the future"}}""");
        String refused = browser.postForm("/cls/siem-mappings/m1/history", "from", "2026-11-01T00:00",
                "to", "2099-01-01T00:00", "_csrf", csrf).body();
        assertThat(refused).contains("to: must not be in the future", "value=\"2099-01-01T00:00\"");
        assertThat(core.lastRequestTo("POST", "/api/cls/historical-pulls").text())
                .contains("\"mappingId\":\"m1\"", "\"from\":\"2026-11-01T00:00\"");

        core.answer("DELETE /api/cls/historical-pulls/j1", 200, "{\"id\":\"j1\",\"status\":\"CANCELLED\"}");
        core.answer("GET /api/cls/historical-pulls", 200, """
                {"mappingId":"m1","supported":true,"reason":null,"jobs":[{"id":"j1","mappingId":"m1",
                  "from":"2026-11-01T00:00:00Z","to":"2026-11-02T00:00:00Z","status":"CANCELLED","pages":3,
                  "records":750,"percent":42,"lastError":null}]}""");
        String cancelled = browser.postForm("/cls/historical-pulls/j1/cancel?mappingId=m1", "_csrf", csrf).body();
        assertThat(cancelled).contains("Historical pull cancelled.", "CANCELLED").doesNotContain("every 2s");
        assertThat(core.lastRequestTo("DELETE", "/api/cls/historical-pulls/j1")).isNotNull();
    }

    @Test
    void aSourceThatCannotPullHistorySaysSo() throws Exception {
        core.answer("GET /api/cls/historical-pulls", 200, """
                {"mappingId":"m1","supported":false,"reason":"the source 'Syslog in' cannot pull historical data",
                 "jobs":[]}""");

        String panel = browser.get("/cls/siem-mappings/m1/history").body();

        assertThat(panel).contains("cannot pull historical data").doesNotContain("datetime-local");
    }

    @Test
    void thePageIsGoneWhileTheModuleIsOff() throws Exception {
        core.modules(FakeCore.DEFAULT_MODULES);
        assertThat(browser.get("/cls").statusCode()).isEqualTo(404);
    }
}

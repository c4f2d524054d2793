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
                  "totals":{"pulled":120,"filteredOut":20,"sent":97,"failed":4,"deadLettered":3},"lagSeconds":1.5,
                  "queuedBatches":7,"sourcePaused":true,
                  "series":[{"minute":"%s","counts":{"pulled":120,"filteredOut":20,"sent":97,"failed":4,"deadLettered":3}}]}]"""
                .formatted(minute));
        core.answer("GET /api/cls/siem-mappings", 200, """
                [{"id":"m1","name":"to splunk","sourceConfigurationId":"s1","businessRuleId":"all",
                  "destinationConfigurationId":"d1","mappingFileId":"default-cef-syslog","format":"CEF","enabled":true}]""");
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
    }

    @Test
    void thePageIsGoneWhileTheModuleIsOff() throws Exception {
        core.modules(FakeCore.DEFAULT_MODULES);
        assertThat(browser.get("/cls").statusCode()).isEqualTo(404);
    }
}

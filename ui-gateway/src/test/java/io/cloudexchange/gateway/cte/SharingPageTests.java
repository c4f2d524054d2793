package io.cloudexchange.gateway.cte;

import static io.cloudexchange.gateway.cte.IndicatorPageTests.follow;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharingPageTests extends GatewayTestSupport {

    private GatewayClient browser;
    private String csrf;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        core.answer("GET /api/cte/business-rules", 200, """
                [{"id":"r1","name":"Phishing URLs","filter":"type == \\"url\\"","muted":false}]""");
        core.answer("GET /api/cte/sharing", 200, """
                [{"id":"s1","name":"To firewall","sourceConfigurationIds":["c1","api:soc"],"ruleId":"r1",
                  "destinationConfigurationId":"c1","action":"add_to_list","actionParameters":{"list":"bad"},
                  "enabled":true,"status":{"state":"RETRYING","shared":42,"rejected":3,"retracted":1,
                  "lastRunAt":"2026-11-29T10:00:00Z","lastError":"HTTP 503 from destination","failures":2}}]""");
        core.answer("GET /api/cte/sharing/actions", 200, """
                [{"label":"Add to list","value":"add_to_list","patchSupported":true,
                  "parameters":{"steps":[{"name":"action","fields":[
                    {"key":"list","label":"List name","type":"TEXT","mandatory":true},
                    {"key":"mode","label":"Mode","type":"CHOICE","defaultValue":"append",
                     "choices":[{"label":"Append","value":"append"},{"label":"Replace","value":"replace"}]}]}]}},
                 {"label":"Do nothing","value":"noop","patchSupported":false,"parameters":{}}]""");
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
        csrf = browser.csrfTokenFrom("/cte/sharing");
    }

    @Test
    void listsSharingsWithStatusCountsAndNames() throws Exception {
        String page = browser.get("/cte/sharing").body();

        assertThat(page).contains("To firewall", "Demo feed", "api:soc", "Phishing URLs", "add_to_list", "RETRYING",
                ">42<", ">3<", ">1<", "HTTP 503 from destination", "Sync", "id=\"choose-destination\"")
                .doesNotContain("id=\"sharing-form\"");
    }

    @Test
    void theCreateFormOffersTheDestinationsActionsAndSendsOnlyTheChosenActionsParameters() throws Exception {
        String form = browser.get("/cte/sharing?destination=c1").body();

        assertThat(core.lastRequestTo("/api/cte/sharing/actions").query()).isEqualTo("destinationConfigurationId=c1");
        assertThat(form).contains("id=\"sharing-form\"", "Add to list", "Do nothing", "name=\"param.add_to_list.list\"",
                "List name *", "value=\"replace\"");

        core.answer("POST /api/cte/sharing", 201, "{\"id\":\"s2\"}");
        HttpResponse<String> saved = browser.postForm("/cte/sharing", "_csrf", csrf, "name", "To proxy",
                "destinationConfigurationId", "c1", "sourceConfigurationIds", "c1", "sourceConfigurationIds", "api:soc",
                "ruleId", "r1", "action", "add_to_list", "param.add_to_list.list", "bad-urls",
                "param.add_to_list.mode", "replace", "param.noop.ignored", "x", "enabled", "true");

        assertThat(core.lastRequestTo("POST", "/api/cte/sharing").text()).contains("\"name\":\"To proxy\"",
                "\"sourceConfigurationIds\":[\"c1\",\"api:soc\"]", "\"ruleId\":\"r1\"",
                "\"destinationConfigurationId\":\"c1\"", "\"action\":\"add_to_list\"",
                "\"actionParameters\":{\"list\":\"bad-urls\",\"mode\":\"replace\"}", "\"enabled\":true")
                .doesNotContain("ignored");
        assertThat(follow(browser, saved).body()).contains("Sharing To proxy saved.");
    }

    @Test
    void theCoresRefusalOfAnActionParameterIsShownNextToTheField() throws Exception {
        core.answer("POST /api/cte/sharing", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"actionParameters.list":"list 'bad' does not exist on the destination"}}""");

        HttpResponse<String> refused = browser.postForm("/cte/sharing", "_csrf", csrf, "name", "To proxy",
                "destinationConfigurationId", "c1", "sourceConfigurationIds", "c1", "ruleId", "r1",
                "action", "add_to_list", "param.add_to_list.list", "bad");

        String page = follow(browser, refused).body();
        assertThat(page).contains("list &#39;bad&#39; does not exist on the destination", "value=\"To proxy\"",
                "id=\"sharing-form\"");
    }

    @Test
    void syncsAndDeletes() throws Exception {
        core.answer("POST /api/cte/sharing/s1/sync", 202, "{}");
        HttpResponse<String> synced = browser.postForm("/cte/sharing/s1/sync", "_csrf", csrf, "days", "7");
        assertThat(core.lastRequestTo("POST", "/api/cte/sharing/s1/sync").query()).isEqualTo("days=7");
        assertThat(follow(browser, synced).body()).contains("Sync started.");

        core.answer("DELETE /api/cte/sharing/s1", 204, "");
        HttpResponse<String> deleted = browser.postForm("/cte/sharing/s1/delete", "_csrf", csrf);
        assertThat(core.lastRequestTo("DELETE", "/api/cte/sharing/s1")).isNotNull();
        assertThat(follow(browser, deleted).body()).contains("Sharing deleted.");
    }

    @Test
    void readersSeeStatusButNoWriteActions() throws Exception {
        core.roles("READ_ONLY");

        String page = browser.get("/cte/sharing").body();

        assertThat(page).contains("To firewall", "RETRYING").doesNotContain("Sync</button>")
                .doesNotContain("choose-destination");
    }

    @Test
    void theThreatExchangeNavigationLinksRulesAndSharingWhileTheModuleIsOn() throws Exception {
        String page = browser.get("/").body();
        assertThat(page).contains("id=\"nav-cte-rules\"", "href=\"/cte/rules\"", "id=\"nav-cte-sharing\"",
                "href=\"/cte/sharing\"");

        core.modules("{\"CTE\":false,\"CTO\":false,\"CRE\":true,\"ARE\":false,\"CLS\":false}");
        assertThat(browser.get("/").body()).doesNotContain("nav-cte-rules").doesNotContain("nav-cte-sharing");
    }
}

package io.cloudexchange.gateway.cte;

import static io.cloudexchange.gateway.cte.IndicatorPageTests.follow;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Tags page, sharing edit, per-rule EDL URLs, filter builder and "save as rule", with write actions by role. */
class CteEditingPageTests extends GatewayTestSupport {

    static final String FIELDS = """
            {"indicators":[{"name":"type","type":"STRING","operators":["==","!=","IN","NOT IN"],"values":["url","domain"]},
             {"name":"value","type":"STRING","operators":["==","contains"],"values":[]},
             {"name":"reputation","type":"NUMBER","operators":["==","<="],"values":[]},
             {"name":"lastSeen","type":"DATETIME","operators":[">"],"values":[]}]}""";
    static final String SHARING = """
            {"id":"s1","name":"To firewall","sourceConfigurationIds":["c1","api:soc"],"ruleId":"r1",
             "destinationConfigurationId":"c1","action":"add_to_list","actionParameters":{"list":"bad"},
             "enabled":false,"status":{"state":"IDLE","shared":1}}""";

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        core.answer("GET /api/cte/tags/usage", 200, """
                [{"name":"c2","color":"#aa0000","indicators":42}]""");
        core.answer("GET /api/cte/business-rules", 200, """
                [{"id":"r1","name":"Phishing URLs","filter":"type == \\"url\\"","muted":false}]""");
        core.answer("GET /api/cte/sharing", 200, "[" + SHARING + "]");
        core.answer("GET /api/cte/sharing/s1", 200, SHARING);
        core.answer("GET /api/cte/sharing/actions", 200, """
                [{"label":"Add to list","value":"add_to_list","parameters":{"fields":[
                    {"key":"list","label":"List name","type":"TEXT","mandatory":true}]}}]""");
        core.answer("GET /api/query/fields", 200, FIELDS);
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void theTagsPageListsColourAndCountAndSendsCreateRecolourDelete() throws Exception {
        String page = browser.get("/cte/tags").body();
        assertThat(page).contains(">c2<", "#aa0000", ">42<", "id=\"tag-form\"", "id=\"nav-cte-tags\"");

        String csrf = browser.csrfTokenFrom("/cte/tags");
        core.answer("POST /api/cte/tags", 201, "{\"name\":\"phishing\",\"color\":\"#00ff00\"}");
        HttpResponse<String> created = browser.postForm("/cte/tags", "_csrf", csrf, "name", "phishing", "color", "#00ff00");
        assertThat(core.lastRequestTo("POST", "/api/cte/tags").text()).contains("\"name\":\"phishing\"", "\"color\":\"#00ff00\"");
        assertThat(follow(browser, created).body()).contains("Tag phishing saved.");

        core.answer("PUT /api/cte/tags/c2", 200, "{\"name\":\"c2\",\"color\":\"#0000ff\"}");
        assertThat(follow(browser, browser.postForm("/cte/tags/c2", "_csrf", csrf, "color", "#0000ff")).body())
                .contains("Tag c2 recoloured.");
        assertThat(core.lastRequestTo("PUT", "/api/cte/tags/c2").text()).contains("\"color\":\"#0000ff\"");

        core.answer("DELETE /api/cte/tags/c2", 204, "");
        assertThat(follow(browser, browser.postForm("/cte/tags/c2/delete", "_csrf", csrf)).body())
                .contains("Tag c2 deleted");
        assertThat(core.lastRequestTo("DELETE", "/api/cte/tags/c2")).isNotNull();

        core.answer("POST /api/cte/tags", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid","errors":{"color":"a colour as #rrggbb"}}""");
        HttpResponse<String> refused = browser.postForm("/cte/tags", "_csrf", csrf, "name", "x", "color", "red");
        assertThat(follow(browser, refused).body()).contains("a colour as #rrggbb");
    }

    @Test
    void readersSeeTagsRulesAndSharingsWithoutWriteActions() throws Exception {
        core.roles("READ_ONLY");

        assertThat(browser.get("/cte/tags").body()).contains(">c2<").doesNotContain("tag-form", "Save colour", "Delete");
        assertThat(browser.get("/cte/sharing").body()).contains("To firewall").doesNotContain("edit-s1");
        assertThat(browser.get("/cte?q=type%20%3D%3D%20%22url%22").body()).doesNotContain("save-as-rule");
        assertThat(browser.get("/cte/rules").body()).contains("/api/edl/rules/r1").doesNotContain("rule-form");
    }

    @Test
    void aSharingIsEditedInTheFormFilledFromTheCoreAndSavedWithPut() throws Exception {
        String form = browser.get("/cte/sharing?edit=s1").body();
        assertThat(core.lastRequestTo("/api/cte/sharing/actions").query()).isEqualTo("destinationConfigurationId=c1");
        assertThat(form).contains("Edit sharing To firewall", "name=\"id\" value=\"s1\"", "value=\"To firewall\"",
                "value=\"bad\"", "value=\"api:soc\"");
        assertThat(form).containsPattern("<option value=\"c1\" selected=\"selected\">Demo feed</option>");

        String csrf = browser.csrfTokenFrom("/cte/sharing");
        core.answer("PUT /api/cte/sharing/s1", 200, SHARING);
        HttpResponse<String> saved = browser.postForm("/cte/sharing", "_csrf", csrf, "id", "s1", "name", "To firewall 2",
                "destinationConfigurationId", "c1", "sourceConfigurationIds", "c1",
                "sourceConfigurationIds", "api:soc, api:cert", "ruleId", "r1", "action", "add_to_list",
                "param.add_to_list.list", "worse");

        assertThat(core.requests()).noneMatch(request -> request.method().equals("POST")
                && request.path().equals("/api/cte/sharing"));
        assertThat(core.lastRequestTo("PUT", "/api/cte/sharing/s1").text()).contains("\"name\":\"To firewall 2\"",
                "\"sourceConfigurationIds\":[\"c1\",\"api:soc\",\"api:cert\"]", "\"actionParameters\":{\"list\":\"worse\"}",
                "\"enabled\":false");
        assertThat(follow(browser, saved).body()).contains("Sharing To firewall 2 saved.");
    }

    @Test
    void eachRuleShowsItsEdlUrlWithACopyButton() throws Exception {
        String page = browser.get("/cte/rules").body();

        assertThat(page).containsPattern("value=\"https://localhost:[0-9]+/api/edl/rules/r1\"")
                .contains("data-copy=\"edl-r1\"", "/js/app.js");
        assertThat(browser.get("/js/app.js").body()).contains("data-copy", "clipboard");
    }

    @Test
    void theFilterBuilderAppendsATypedConditionToTheQuery() throws Exception {
        String page = browser.get("/cte").body();
        assertThat(page).contains("id=\"filter-builder\"", "<option value=\"reputation\"", "<option value=\"NOT IN\"");

        assertThat(built("", "type", "==", "url")).isEqualTo("type == \"url\"");
        assertThat(built("type == \"url\"", "reputation", "<=", "3")).isEqualTo("type == \"url\" AND reputation <= 3");
        assertThat(built("a == \"1\" OR a == \"2\"", "value", "contains", "say \"hi\""))
                .isEqualTo("(a == \"1\" OR a == \"2\") AND value contains \"say \\\"hi\\\"\"");
        assertThat(built("", "type", "IN", "url, domain")).isEqualTo("type IN (\"url\", \"domain\")");
        assertThat(built("", "lastSeen", ">", "now - 7d")).isEqualTo("lastSeen > now - 7d");
    }

    private String built(String q, String field, String op, String value) throws Exception {
        HttpResponse<String> redirect = browser.get("/cte?q=" + encode(q) + "&field=" + encode(field) + "&op="
                + encode(op) + "&value=" + encode(value));
        assertThat(redirect.statusCode()).isEqualTo(302);
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return URLDecoder.decode(location.substring(location.indexOf("q=") + 2), StandardCharsets.UTF_8);
    }

    @Test
    void saveAsRulePrefillsTheNewRuleFormWithTheQuery() throws Exception {
        String page = browser.get("/cte?q=" + encode("severity >= \"high\"")).body();
        assertThat(page).contains("id=\"save-as-rule\"", "/cte/rules?filter=severity");

        String rules = browser.get("/cte/rules?filter=" + encode("severity >= \"high\"")).body();
        assertThat(rules).contains("New rule", "id=\"rule-filter\" name=\"filter\" class=\"mono\" value=\"severity &gt;= &quot;high&quot;\"");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

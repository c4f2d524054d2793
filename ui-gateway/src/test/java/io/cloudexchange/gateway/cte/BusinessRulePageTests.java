package io.cloudexchange.gateway.cte;

import static io.cloudexchange.gateway.cte.IndicatorPageTests.follow;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BusinessRulePageTests extends GatewayTestSupport {

    private static final String RULE = """
            {"id":"r1","name":"Phishing URLs","folder":"Team/Phishing","filter":"type == \\"url\\"",
             "exceptionQuery":"value contains \\".corp.example\\"","exceptionTags":["internal"],"muted":true}""";

    private GatewayClient browser;
    private String csrf;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        core.answer("GET /api/cte/business-rules", 200, "[" + RULE + "]");
        core.answer("GET /api/cte/business-rules/r1", 200, RULE);
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
        csrf = browser.csrfTokenFrom("/cte/rules");
    }

    @Test
    void listsRulesWithFolderFilterExceptionsAndMutedAndFiltersByFolder() throws Exception {
        HttpResponse<String> page = browser.get("/cte/rules?folder=Team");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Phishing URLs", "Team/Phishing", "type == &quot;url&quot;",
                ".corp.example", "tags: internal", "muted", "Unmute", "id=\"rule-form\"");
        assertThat(core.lastRequestTo("GET", "/api/cte/business-rules").query()).isEqualTo("folder=Team");
    }

    @Test
    void createsARuleAndShowsTheCoresFieldErrorsNextToTheForm() throws Exception {
        core.answer("POST /api/cte/business-rules", 201, RULE);
        HttpResponse<String> saved = browser.postForm("/cte/rules", "_csrf", csrf, "id", "", "name", "Hashes",
                "folder", "Team", "filter", "type == \"sha256\"", "exceptionQuery", "", "exceptionTags", "a, b");

        assertThat(core.lastRequestTo("POST", "/api/cte/business-rules").text()).contains("\"name\":\"Hashes\"",
                "\"folder\":\"Team\"", "\"filter\":\"type == \\\"sha256\\\"\"", "\"exceptionTags\":[\"a\",\"b\"]",
                "\"muted\":false");
        assertThat(follow(browser, saved).body()).contains("Business rule Hashes saved.");

        core.answer("POST /api/cte/business-rules", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"filter":"unknown field 'colour' (at offset 0)"}}""");
        HttpResponse<String> refused = browser.postForm("/cte/rules", "_csrf", csrf, "name", "Bad",
                "filter", "colour == 1");

        assertThat(follow(browser, refused).body()).contains("unknown field &#39;colour&#39; (at offset 0)",
                "value=\"colour == 1\"", "value=\"Bad\"");
    }

    @Test
    void editsAndMutesThroughPutWithTheWholeRule() throws Exception {
        assertThat(browser.get("/cte/rules?edit=r1").body()).contains("Edit rule", "value=\"r1\"",
                "value=\"internal\"");
        core.answer("PUT /api/cte/business-rules/r1", 200, RULE);

        browser.postForm("/cte/rules", "_csrf", csrf, "id", "r1", "name", "Renamed", "filter", "type == \"url\"");
        assertThat(core.lastRequestTo("PUT", "/api/cte/business-rules/r1").text()).contains("\"name\":\"Renamed\"");

        browser.postForm("/cte/rules/r1/mute", "_csrf", csrf, "muted", "false");
        assertThat(core.lastRequestTo("PUT", "/api/cte/business-rules/r1").text())
                .contains("\"muted\":false", "\"name\":\"Phishing URLs\"", "\"exceptionTags\":[\"internal\"]");
    }

    @Test
    void clonesAndTestsShowingTheCountsByType() throws Exception {
        core.answer("POST /api/cte/business-rules/r1/clone", 201, RULE);
        assertThat(follow(browser, browser.postForm("/cte/rules/r1/clone", "_csrf", csrf, "name", "Copy")).body())
                .contains("Rule cloned.");
        assertThat(core.lastRequestTo("POST", "/api/cte/business-rules/r1/clone").text()).contains("\"name\":\"Copy\"");

        core.answer("POST /api/cte/business-rules/r1/test", 200, """
                {"count":5,"size":120,"byType":[{"type":"URL","count":2,"size":39},{"type":"SHA256","count":3,"size":81}],
                 "days":30}""");
        HttpResponse<String> tested = browser.postForm("/cte/rules/r1/test", "_csrf", csrf, "days", "30");

        assertThat(core.lastRequestTo("POST", "/api/cte/business-rules/r1/test").query()).isEqualTo("days=30");
        assertThat(follow(browser, tested).body()).contains("5 indicators match (120 bytes) in the last 30 days",
                "URL: 2 (39 bytes)", "SHA256: 3 (81 bytes)");
    }

    @Test
    void aDeleteTheCoreRefusesWith409IsShownClearly() throws Exception {
        core.answer("DELETE /api/cte/business-rules/r1", 409, """
                {"title":"Conflict","status":409,"detail":"Rule is used by sharing 'To firewall'"}""");

        HttpResponse<String> refused = browser.postForm("/cte/rules/r1/delete", "_csrf", csrf);

        assertThat(core.lastRequestTo("DELETE", "/api/cte/business-rules/r1")).isNotNull();
        assertThat(follow(browser, refused).body())
                .contains("Refused by the core (conflict): Rule is used by sharing &#39;To firewall&#39;");
    }

    @Test
    void readersSeeTheRulesButNoForms() throws Exception {
        core.roles("READ_ONLY");

        String page = browser.get("/cte/rules").body();

        assertThat(page).contains("Phishing URLs").doesNotContain("id=\"rule-form\"").doesNotContain("Clone");
    }
}

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

    @Test
    void tagsTheSelectedRowsAndShowsTheCountTheCoreReports() throws Exception {
        GatewayClient browser = loggedIn();
        String csrf = browser.csrfTokenFrom("/cte");
        core.answer("POST /api/cte/indicators/tag", 200, "{\"count\":1}");

        HttpResponse<String> done = browser.postForm("/cte/indicators/action", "_csrf", csrf, "action", "tag",
                "scope", "selected", "ids", "IPV4:10.235.111.102", "tags", "reviewed, phishing", "q", "");

        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(core.lastRequestTo("POST", "/api/cte/indicators/tag").text())
                .contains("\"ids\":[\"IPV4:10.235.111.102\"]", "\"tags\":[\"reviewed\",\"phishing\"]")
                .doesNotContain("\"q\"");
        assertThat(follow(browser, done).body())
                .contains("1 indicators tagged.");
    }

    @Test
    void untagsEverythingMatchingTheQuery() throws Exception {
        GatewayClient browser = loggedIn();
        String csrf = browser.csrfTokenFrom("/cte");
        core.answer("POST /api/cte/indicators/untag", 200, "{\"count\":7}");

        browser.postForm("/cte/indicators/action", "_csrf", csrf, "action", "untag", "scope", "query",
                "tags", "old", "q", "type == \"url\"");

        assertThat(core.lastRequestTo("POST", "/api/cte/indicators/untag").text())
                .contains("\"q\":\"type == \\\"url\\\"\"", "\"tags\":[\"old\"]").doesNotContain("ids");
    }

    @Test
    void deletingByQueryAsksForConfirmationBeforeTheCoreDeletesAnything() throws Exception {
        GatewayClient browser = loggedIn();
        String csrf = browser.csrfTokenFrom("/cte");
        core.answer("POST /api/cte/indicators/delete", 200, "{\"count\":1}");

        HttpResponse<String> asked = browser.postForm("/cte/indicators/action", "_csrf", csrf, "action", "delete",
                "scope", "query", "q", "severity >= \"high\"");

        assertThat(core.requests()).noneMatch(request -> request.path().equals("/api/cte/indicators/delete"));
        HttpResponse<String> confirmation = follow(browser, asked);
        assertThat(confirmation.body()).contains("id=\"confirm-delete\"", "Delete all 1 indicators matching");

        HttpResponse<String> deleted = browser.postForm("/cte/indicators/action", "_csrf", csrf, "action", "delete",
                "scope", "query", "q", "severity >= \"high\"", "confirmed", "yes");

        assertThat(core.lastRequestTo("POST", "/api/cte/indicators/delete").text()).contains("\"q\":\"severity");
        assertThat(follow(browser, deleted).body())
                .contains("1 indicators deleted.");
    }

    @Test
    void showsExportLinksForTheQuerySourceRecordsAndNoWriteActionsForReaders() throws Exception {
        GatewayClient browser = loggedIn();

        String page = browser.get("/cte?q=value%20contains%20%2210.%22").body();

        assertThat(page).contains("/api/cte/indicators/export?format=csv&amp;q=value%20contains%20%2210.%22",
                "format=json", "<details>", "Demo", "2026-12-22T14:03:44Z", "name=\"ids\"", "value=\"tag\"");

        core.roles("READ_ONLY");
        String readOnly = browser.get("/cte").body();
        assertThat(readOnly).contains("10.235.111.102", "format=csv").doesNotContain("name=\"ids\"")
                .doesNotContain("value=\"tag\"");
    }

    @Test
    void exportStreamsTheCoreAnswerThroughTheApiProxy() throws Exception {
        GatewayClient browser = loggedIn();
        core.answer("GET /api/cte/indicators/export", 200, "[{\"value\":\"10.235.111.102\"}]");

        HttpResponse<String> export = browser.get("/api/cte/indicators/export?format=json&q=type%20%3D%3D%20%22ipv4%22");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains("10.235.111.102");
        assertThat(core.lastRequestTo("/api/cte/indicators/export").query()).contains("format=json", "q=type");
    }

    @Test
    void aRefusalFromTheCoreIsShownAboveTheTable() throws Exception {
        GatewayClient browser = loggedIn();
        String csrf = browser.csrfTokenFrom("/cte");
        core.answer("POST /api/cte/indicators/tag", 400, """
                {"title":"Validation failed","status":400,"detail":"1 field is invalid","errors":{"tags":"required"}}""");

        HttpResponse<String> refused = browser.postForm("/cte/indicators/action", "_csrf", csrf, "action", "tag",
                "scope", "selected", "ids", "IPV4:10.235.111.102", "tags", "");

        assertThat(follow(browser, refused).body())
                .contains("tags: required");
    }

    /** Follows the gateway's redirect (an absolute or a relative Location) in the same session. */
    static HttpResponse<String> follow(GatewayClient browser, HttpResponse<String> redirect) throws Exception {
        assertThat(redirect.statusCode()).isEqualTo(302);
        java.net.URI location = java.net.URI.create(redirect.headers().firstValue("Location").orElseThrow());
        return browser.get(location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery()));
    }

    private GatewayClient loggedIn() throws Exception {
        core.passwordAlreadyChanged();
        GatewayClient browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
        return browser;
    }
}

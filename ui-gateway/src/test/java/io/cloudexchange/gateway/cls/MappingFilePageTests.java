package io.cloudexchange.gateway.cls;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MappingFilePageTests extends GatewayTestSupport {

    private static final String LIST = """
            [{"id":"default-cef-syslog","name":"Syslog CEF Default Mappings","readOnly":true,"formats":["CEF","JSON"]},
             {"id":"f1","name":"Our SIEM","readOnly":false,"formats":["CEF"]}]""";
    private static final String OUR_SIEM = """
            {"id":"f1","name":"Our SIEM","readOnly":false,"formats":["CEF"],
             "content":{"cef_version":"0","taxonomy":{"alerts":{}}}}""";

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void listsFilesWithDownloadAndCopyForAllAndDeleteOnlyForCustomOnes() throws Exception {
        core.answer("GET /api/cls/mapping-files", 200, LIST);

        String page = browser.get("/cls/mapping-files").body().replaceAll("\\s+", " ");

        assertThat(page).contains("Log Shipper</a> &gt; Mapping files", "shipped default (read-only)",
                "href=\"/api/cls/mapping-files/default-cef-syslog/download\"",
                "action=\"/cls/mapping-files/default-cef-syslog/copy\"", "action=\"/cls/mapping-files/f1/delete\"")
                .doesNotContain("action=\"/cls/mapping-files/default-cef-syslog/delete\"");
    }

    @Test
    void editingShowsTheFileAsJsonTextAndCoresErrorsByPath() throws Exception {
        core.answer("GET /api/cls/mapping-files/f1", 200, OUR_SIEM);
        assertThat(browser.get("/cls/mapping-files/f1").body()).contains("<textarea id=\"content\"", "&quot;cef_version&quot; : &quot;0&quot;");
        core.answer("PUT /api/cls/mapping-files/f1", 400, """
                {"type":"about:blank","title":"Validation failed","status":400,"detail":"The mapping file is invalid",
                 "errors":{"content.taxonomy.alerts.dlp.extension.src.transformation":"unknown transformation 'Float'; expected one of 'String'"}}""");
        String csrf = browser.csrfTokenFrom("/cls/mapping-files/f1");

        HttpResponse<String> answer = browser.postForm("/cls/mapping-files/f1", "_csrf", csrf, "name", "Our SIEM",
                "content", "{\"cef_version\": \"0\", \"edited\": true}");

        assertThat(core.lastRequestTo("PUT", "/api/cls/mapping-files/f1").text())
                .contains("\"name\":\"Our SIEM\"", "\"content\":\"{\\\"cef_version\\\": \\\"0\\\", \\\"edited\\\": true}\"");
        assertThat(answer.statusCode()).isEqualTo(200);
        String page = answer.body().replaceAll("\\s+", " ");
        assertThat(page).contains("The mapping file is invalid",
                "<code>taxonomy.alerts.dlp.extension.src.transformation</code>: <span>unknown transformation &#39;Float&#39;",
                "&quot;edited&quot;: true");
    }

    @Test
    void aShippedDefaultIsShownReadOnlyWithCopyToEdit() throws Exception {
        core.answer("GET /api/cls/mapping-files/default-json", 200, """
                {"id":"default-json","name":"JSON Default Mappings","readOnly":true,"formats":["JSON"],
                 "content":{"json":{"alerts":{"dlp":[]}}}}""");

        String page = browser.get("/cls/mapping-files/default-json").body();

        assertThat(page).contains("Copy to edit", "<pre id=\"content\">").doesNotContain("<textarea");
    }
}

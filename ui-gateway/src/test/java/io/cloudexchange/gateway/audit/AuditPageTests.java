package io.cloudexchange.gateway.audit;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditPageTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void showsEntriesWithTheirChangesAndPages() throws Exception {
        String page = browser.get("/logging/audit").body().replaceAll("\\s+", " ");

        assertThat(page).contains("2026-11-22T10:00:00Z", "PERMISSION_CHANGE", "10.0.0.9",
                "<td>roles</td><td class=\"mono\">[READ_ONLY]</td> <td class=\"mono\">[ANALYST]</td>",
                "Page 1 of 3", "Older");
    }

    @Test
    void passesTheFiltersToCoreWithDatesAsWholeUtcDays() throws Exception {
        String page = browser.get("/logging/audit?actor=bob&action=LOGIN&from=2026-11-01&to=2026-11-30&page=2")
                .body();

        assertThat(core.lastRequestTo("/api/audit").query()).isEqualTo("actor=bob&action=LOGIN"
                + "&from=2026-11-01T00%3A00%3A00Z&to=2026-12-01T00%3A00%3A00Z&page=2&size=50");
        assertThat(page).contains("href=\"/api/audit/export?format=csv&amp;actor=bob&amp;action=LOGIN"
                + "&amp;from=2026-11-01T00:00:00Z&amp;to=2026-12-01T00:00:00Z\"",
                "<option value=\"LOGIN\" selected=\"selected\">LOGIN</option>", "value=\"2026-11-30\"");
    }

    @Test
    void theCsvExportIsStreamedFromCoreWithTheSessionsToken() throws Exception {
        core.answer("GET /api/audit/export", 200, "at,actor,action\n2026-11-22T10:00:00Z,admin,LOGIN\n");

        HttpResponse<String> export = browser.get("/api/audit/export?format=csv&actor=admin");

        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).isEqualTo("at,actor,action\n2026-11-22T10:00:00Z,admin,LOGIN\n");
        FakeCore.RecordedRequest atCore = core.lastRequestTo("/api/audit/export");
        assertThat(atCore.query()).isEqualTo("format=csv&actor=admin");
        assertThat(atCore.header("Authorization")).startsWith("Bearer token-");
    }
}

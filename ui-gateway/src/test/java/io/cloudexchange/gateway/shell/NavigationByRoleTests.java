package io.cloudexchange.gateway.shell;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NavigationByRoleTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void theSuperAdminSeesEverything() throws Exception {
        String page = browser.get("/").body();

        assertThat(page).contains("id=\"nav-tenants\"", "id=\"nav-users\"", "id=\"nav-roles\"", "id=\"nav-logging\"",
                "id=\"nav-audit\"", "id=\"nav-CTE\"");
    }

    @Test
    void anAdminSeesTheAuditLogButNotUsersAndRoles() throws Exception {
        core.roles("ADMIN");

        String page = browser.get("/").body();

        assertThat(page).contains("id=\"nav-tenants\"", "id=\"nav-audit\"")
                .doesNotContain("id=\"nav-users\"", "id=\"nav-roles\"");
    }

    @Test
    void aReadOnlyUserSeesSettingsButNeitherAuditNorUsers() throws Exception {
        core.roles("READ_ONLY");

        String page = browser.get("/").body();

        assertThat(page).contains("id=\"nav-tenants\"", "id=\"nav-logging\"", "id=\"nav-CTE\"")
                .doesNotContain("id=\"nav-audit\"", "id=\"nav-users\"", "id=\"nav-roles\"");
    }

    @Test
    void aUserWithoutTheSettingsAreaSeesNoSettings() throws Exception {
        core.roles("ANALYST");

        String page = browser.get("/").body();

        assertThat(page).contains("Welcome to Cloud Exchange")
                .doesNotContain("id=\"nav-tenants\"", "id=\"nav-logging\"", "id=\"nav-audit\"", "Getting started");
    }

    @Test
    void aPageCoreRefusesSaysSoInsideTheNavigation() throws Exception {
        core.roles("ADMIN");

        HttpResponse<String> answer = browser.get("/settings/users");

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body()).contains("You do not have permission", "id=\"nav-audit\"")
                .doesNotContain("Something went wrong");
    }

    @Test
    void anHtmxRequestCoreRefusesGetsOnlyTheMessage() throws Exception {
        core.roles("READ_ONLY");
        String csrf = browser.csrfTokenFrom("/settings/tenants");

        HttpResponse<String> answer = browser.send(browser.request("/settings/users/u2/delete")
                .header("HX-Request", "true").header("X-CSRF-TOKEN", csrf)
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.body().strip()).isEqualTo("<p class=\"alert error\">You do not have permission</p>");
    }

    @Test
    void aSettingsReaderSeesTenantsAndConfigurationsWithoutTheirActions() throws Exception {
        core.roles("SETTINGS_READER");

        String tenants = browser.get("/settings/tenants").body();
        String configurations = browser.get("/settings/configurations").body();

        assertThat(tenants).contains("Acme").doesNotContain("id=\"add-tenant\"", ">Delete<");
        assertThat(configurations).contains("Demo feed").doesNotContain("id=\"new-configuration\"", "Pull now");
        assertThat(browser.get("/").body()).contains("id=\"nav-tenants\"").doesNotContain("id=\"nav-audit\"");
    }

    @Test
    void anAdminSeesTheActions() throws Exception {
        core.roles("ADMIN");

        assertThat(browser.get("/settings/tenants").body()).contains("id=\"add-tenant\"", ">Delete<");
        assertThat(browser.get("/settings/configurations").body()).contains("id=\"new-configuration\"", "Pull now");
    }
}

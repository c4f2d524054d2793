package io.cloudexchange.gateway.users;

import java.net.http.HttpResponse;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UserPageTests extends GatewayTestSupport {

    private static final String CREATED = """
            {"user":{"id":"u3","username":"carol","roles":["READ_ONLY"],"active":true,"mustChangePassword":true},
             "temporaryPassword":"Tmp-9f2K-x7Qa-31"}""";

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void listsUsersWithRolesStatusAndLastLogin() throws Exception {
        String page = browser.get("/settings/users").body();

        assertThat(page).contains("<td>bob</td>", "<td>ANALYST, READ_ONLY</td>", "Active",
                "2026-11-20T08:30:00Z", "never", "Reset password", "hx-confirm=\"Delete user bob?\"");
    }

    @Test
    void theFormOffersEveryRoleButSuperAdmin() throws Exception {
        String page = browser.get("/settings/users/new").body();

        assertThat(page).contains("<option value=\"READ_ONLY\" selected=\"selected\">READ_ONLY</option>",
                "<option value=\"ANALYST\">ANALYST</option>").doesNotContain("value=\"SUPER_ADMIN\"");
    }

    @Test
    void creatingShowsTheTemporaryPasswordExactlyOnce() throws Exception {
        core.answer("POST /api/users", 201, CREATED);
        String csrf = browser.csrfTokenFrom("/settings/users/new");

        HttpResponse<String> answer = browser.postForm("/settings/users", "_csrf", csrf, "username", "carol",
                "roles", "READ_ONLY", "active", "true");

        assertThat(core.lastRequestTo("/api/users").text())
                .isEqualTo("{\"roles\":[\"READ_ONLY\"],\"active\":true,\"username\":\"carol\"}");
        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(browser.get("/settings/users").body()).contains("User carol created.", "shown only this once",
                "<p class=\"secret mono\">Tmp-9f2K-x7Qa-31</p>");
        assertThat(browser.get("/settings/users").body()).doesNotContain("Tmp-9f2K-x7Qa-31");
    }

    @Test
    void showsCoresErrorsByField() throws Exception {
        core.answer("POST /api/users", 409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"'bob' is already used"}""");
        String csrf = browser.csrfTokenFrom("/settings/users/new");

        String page = browser.postForm("/settings/users", "_csrf", csrf, "username", "bob", "roles", "ANALYST",
                "active", "true").body();

        assertThat(page).contains("<p class=\"field-error\" id=\"username-error\">&#39;bob&#39; is already used</p>",
                "value=\"bob\"", "<option value=\"ANALYST\" selected=\"selected\">ANALYST</option>");
    }

    @Test
    void editingSendsRolesAndActiveAndShowsRefusals() throws Exception {
        core.answer("PUT /api/users/u2", 400, """
                {"type":"about:blank","title":"Validation failed","status":400,"detail":"1 field is invalid",
                 "errors":{"roles":"unknown role 'GHOST'"}}""");
        String csrf = browser.csrfTokenFrom("/settings/users/u2");

        String page = browser.postForm("/settings/users/u2", "_csrf", csrf, "roles", "GHOST").body();

        assertThat(core.lastRequestTo("PUT", "/api/users/u2").text()).isEqualTo("{\"roles\":[\"GHOST\"],\"active\":false}");
        assertThat(page).contains("Edit user bob", "readonly", "id=\"roles-error\">unknown role &#39;GHOST&#39;</p>");
    }

    @Test
    void resettingAPasswordShowsTheNewTemporaryPassword() throws Exception {
        core.answer("POST /api/users/u2/reset-password", 200, """
                {"user":{"id":"u2","username":"bob","roles":["ANALYST"]},"temporaryPassword":"Reset-4421-abcd"}""");
        String csrf = browser.csrfTokenFrom("/settings/users");

        browser.postForm("/settings/users/u2/reset-password", "_csrf", csrf);

        assertThat(browser.get("/settings/users").body()).contains("Password of bob reset.", "Reset-4421-abcd");
    }

    @Test
    void aRefusedDeletionSaysWhy() throws Exception {
        core.answer("DELETE /api/users/u1", 400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"The super admin cannot be deleted"}""");
        String csrf = browser.csrfTokenFrom("/settings/users");

        browser.postForm("/settings/users/u1/delete", "_csrf", csrf);

        assertThat(core.lastRequestTo("/api/users/u1").method()).isEqualTo("DELETE");
        assertThat(browser.get("/settings/users").body())
                .contains("<p class=\"alert error\">The super admin cannot be deleted</p>");
    }
}

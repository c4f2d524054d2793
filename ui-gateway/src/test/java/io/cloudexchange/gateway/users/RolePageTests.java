package io.cloudexchange.gateway.users;

import io.cloudexchange.gateway.support.FakeCore;
import io.cloudexchange.gateway.support.GatewayClient;
import io.cloudexchange.gateway.support.GatewayTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RolePageTests extends GatewayTestSupport {

    private GatewayClient browser;

    @BeforeEach
    void logIn() throws Exception {
        core.passwordAlreadyChanged();
        browser = newClient();
        browser.logIn(FakeCore.USERNAME, FakeCore.INITIAL_PASSWORD);
    }

    @Test
    void listsRolesWithTheirPermissionPerAreaAndOnlyCustomOnesCanChange() throws Exception {
        String page = browser.get("/settings/roles").body().replaceAll("\\s+", " ");

        assertThat(page).contains("<th>SETTINGS</th><th>CTE</th><th>CTO</th><th>CRE</th><th>CLS</th>",
                "<td>Reads threats</td> <td>NONE</td> <td>WRITE</td> <td>READ</td> <td>NONE</td> <td>NONE</td>",
                "href=\"/settings/roles/ANALYST\"", "Delete role ANALYST?");
        assertThat(page).doesNotContain("href=\"/settings/roles/READ_ONLY\"", "Delete role READ_ONLY?");
    }

    @Test
    void editingShowsTheStoredPermissions() throws Exception {
        String page = browser.get("/settings/roles/ANALYST").body().replaceAll("\\s+", " ");

        assertThat(page).contains("<select id=\"permission-CTE\" name=\"permission.CTE\"> "
                + "<option value=\"NONE\">NONE</option> <option value=\"READ\">READ</option> "
                + "<option value=\"WRITE\" selected=\"selected\">WRITE</option>", "readonly");
    }

    @Test
    void creatingSendsAPermissionForEveryAreaAndShowsCoresErrorsByField() throws Exception {
        core.answer("POST /api/roles", 409, """
                {"type":"about:blank","title":"Conflict","status":409,"detail":"Name in use",
                 "errors":{"name":"'ADMIN' is already used"}}""");
        String csrf = browser.csrfTokenFrom("/settings/roles/new");

        String page = browser.postForm("/settings/roles", "_csrf", csrf, "name", "ADMIN", "description", "Ops",
                "permission.CTE", "READ", "permission.CLS", "WRITE").body();

        assertThat(core.lastRequestTo("/api/roles").text()).isEqualTo("{\"name\":\"ADMIN\",\"description\":\"Ops\","
                + "\"permissions\":{\"SETTINGS\":\"NONE\",\"CTE\":\"READ\",\"CTO\":\"NONE\",\"CRE\":\"NONE\","
                + "\"CLS\":\"WRITE\"}}");
        assertThat(page).contains("id=\"name-error\">&#39;ADMIN&#39; is already used</p>", "Add role",
                "<option value=\"WRITE\" selected=\"selected\">WRITE</option>");
    }

    @Test
    void savingAnExistingRolePutsItUnderItsName() throws Exception {
        core.answer("PUT /api/roles/ANALYST", 200, "{\"name\":\"ANALYST\"}");
        String csrf = browser.csrfTokenFrom("/settings/roles/ANALYST");

        var answer = browser.postForm("/settings/roles/ANALYST", "_csrf", csrf, "name", "ignored",
                "description", "Reads threats", "permission.CTE", "WRITE");

        assertThat(answer.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/settings/roles"));
        assertThat(core.lastRequestTo("/api/roles/ANALYST").text()).startsWith("{\"name\":\"ANALYST\"");
        assertThat(browser.get("/settings/roles").body()).contains("Role ANALYST saved.");
    }

    @Test
    void aRoleStillHeldIsNotDeleted() throws Exception {
        core.answer("DELETE /api/roles/ANALYST", 400, """
                {"type":"about:blank","title":"Bad Request","status":400,"detail":"Role ANALYST is held by 1 user"}""");
        String csrf = browser.csrfTokenFrom("/settings/roles");

        browser.postForm("/settings/roles/ANALYST/delete", "_csrf", csrf);

        assertThat(browser.get("/settings/roles").body()).contains("Role ANALYST is held by 1 user");
    }
}

package io.cloudexchange.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.testplugin.TestFeedPlugin;
import io.cloudexchange.core.testplugin.TestPluginContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AuditApiTest extends ApiTestSupport {

    private static final String SECRET = "first-secret-value";
    private static final String NEW_SECRET = "second-secret-value";

    @Autowired
    private AuditRetention retention;

    @BeforeEach
    void pluginsAcceptEveryConfiguration() {
        when(pluginContexts.forConfiguration(any())).thenAnswer(call -> new TestPluginContext("id", "name",
                Map.of("base_url", "https://feed.example.com", "api_key", SECRET, "count", 50)));
        when(pullControl.lastRun(anyString())).thenReturn(Optional.empty());
    }

    @Test
    void recordsSignInsAndFailedSignInsWithTheGatewaysSourceAddress() throws Exception {
        mvc.perform(withJson(post("/api/auth/login"), Map.of("username", ADMIN, "password", "wrong password"))
                        .header("X-Forwarded-For", "203.0.113.9, 198.51.100.7"))
                .andExpect(status().isUnauthorized());
        adminToken();

        mvc.perform(asAdmin(get("/api/audit")).param("action", "LOGIN_FAILED"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actor").value(ADMIN))
                .andExpect(jsonPath("$.items[0].sourceAddress").value("198.51.100.7"));
        mvc.perform(asAdmin(get("/api/audit")).param("action", "LOGIN").param("actor", ADMIN))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].actorType").value("USER"))
                .andExpect(jsonPath("$.items[0].sourceAddress").value("127.0.0.1"));
    }

    @Test
    void recordsConfigurationChangesFieldByFieldWithSecretsMasked() throws Exception {
        String created = mvc.perform(withJson(asAdmin(post("/api/configurations")), Map.of("name", "Feed",
                        "pluginId", TestFeedPlugin.ID,
                        "parameters", Map.of("base_url", "https://feed.example.com", "api_key", SECRET, "count", 50))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String id = readJson(created).path("id").asString();
        mvc.perform(withJson(asAdmin(put("/api/configurations/" + id)), Map.of("name", "Feed",
                        "pluginId", TestFeedPlugin.ID,
                        "parameters", Map.of("base_url", "https://feed.example.com", "api_key", NEW_SECRET, "count", 75))))
                .andExpect(status().isOk());

        String answer = mvc.perform(asAdmin(get("/api/audit")).param("action", "UPDATE"))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].targetType").value("configuration"))
                .andExpect(jsonPath("$.items[0].targetId").value(id))
                .andExpect(jsonPath("$.items[0].changes[?(@.field == 'parameters.count')].old").value("50"))
                .andExpect(jsonPath("$.items[0].changes[?(@.field == 'parameters.count')].new").value("75"))
                .andExpect(jsonPath("$.items[0].changes[?(@.field == 'secrets.api_key')].old").value("****"))
                .andExpect(jsonPath("$.items[0].changes[?(@.field == 'secrets.api_key')].new").value("****"))
                .andReturn().getResponse().getContentAsString();
        String everything = mvc.perform(asAdmin(get("/api/audit/export")).param("format", "json"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(answer + everything).doesNotContain(SECRET).doesNotContain(NEW_SECRET);
        assertThat(readJson(everything).findValuesAsString("action")).contains("CREATE", "UPDATE", "LOGIN");
    }

    @Test
    void recordsOtherChangesPerRequestAndExportsCsv() throws Exception {
        mvc.perform(withJson(asAdmin(put("/api/settings/modules")), Map.of("CLS", true))).andExpect(status().isOk());

        String csv = mvc.perform(asAdmin(get("/api/audit/export")).param("format", "csv").param("action", "UPDATE"))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", "attachment; filename=\"audit-log.csv\""))
                .andReturn().getResponse().getContentAsString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo(AuditExport.CSV_HEADER);
        assertThat(lines).hasSize(2);
        assertThat(lines[1]).contains(",admin,USER,,127.0.0.1,UPDATE,api,PUT /api/settings/modules,200,");

        mvc.perform(asAdmin(get("/api/audit/export")).param("format", "xml"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.format").value("must be csv or json"));
    }

    @Test
    void csvCellsAreQuotedAndDefused() {
        assertThat(AuditExport.csvCell("plain")).isEqualTo("plain");
        assertThat(AuditExport.csvCell("a,\"b\"")).isEqualTo("\"a,\"\"b\"\"\"");
        assertThat(AuditExport.csvCell("=cmd()")).isEqualTo("'=cmd()");
    }

    @Test
    void purgeDeletesEntriesOlderThanTheRetention() {
        mongo.insert(new AuditEntry(null, Instant.now().minusSeconds(400L * 24 * 3600), "old", ActorType.USER, null,
                null, AuditAction.LOGIN, "user", "old", null, List.of()));
        mongo.insert(new AuditEntry(null, Instant.now().minusSeconds(3600), "recent", ActorType.USER, null,
                null, AuditAction.LOGIN, "user", "recent", null, List.of()));

        retention.purge();

        assertThat(mongo.findAll(AuditEntry.class)).extracting(AuditEntry::actor).containsExactly("recent");
    }
}

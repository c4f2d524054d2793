package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.doReturn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.plugins.LoadedPlugin;
import io.cloudexchange.core.testplugin.TestDestinationPlugin;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SharingApiTest extends ApiTestSupport {

    private final TestDestinationPlugin destination = new TestDestinationPlugin();

    @BeforeEach
    void destinationPlugin() {
        doReturn(Optional.of(new LoadedPlugin(destination, LoadedPlugin.Source.BUNDLED, null)))
                .when(pluginRegistry).find(TestDestinationPlugin.ID);
        mongo.save(new PluginConfiguration("dest", "Firewall", TestDestinationPlugin.ID, PlatformModule.CTE,
                Map.of(), Map.of(), true, 60, false, true, null, null, null));
    }

    @Test
    void aNewSharingSharesTheMatchingIndicatorsAtOnceAndReportsItsCounts() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), Map.of("source", "soc", "indicators", List.of(
                        Map.of("type", "url", "value", "https://a.example"),
                        Map.of("type", "domain", "value", "a.example"))))))
                .andExpect(status().isOk());
        String rule = id(mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"),
                Map.of("name", "URLs", "filter", "type == \"url\"")))).andReturn().getResponse().getContentAsString());

        mvc.perform(asAdmin(get("/api/cte/sharing/actions").param("destinationConfigurationId", "dest")))
                .andExpect(jsonPath("$[0].value").value(TestDestinationPlugin.ADD_TO_LIST))
                .andExpect(jsonPath("$[0].parameters.steps[0].fields[0].key").value("list_name"));
        String sharing = id(mvc.perform(asAdmin(withJson(post("/api/cte/sharing"), Map.of("name", "To firewall",
                        "sourceConfigurationIds", List.of("api:soc"), "ruleId", rule,
                        "destinationConfigurationId", "dest", "action", TestDestinationPlugin.ADD_TO_LIST,
                        "actionParameters", Map.of("list_name", "blocklist")))))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                mvc.perform(asAdmin(get("/api/cte/sharing/" + sharing)))
                        .andExpect(jsonPath("$.status.state").value("OK"))
                        .andExpect(jsonPath("$.status.shared").value(1)));
        assertThat(destination.lists.get("blocklist")).containsExactly("https://a.example");

        mvc.perform(asAdmin(delete("/api/cte/business-rules/" + rule))).andExpect(status().isConflict());
        mvc.perform(asAdmin(post("/api/cte/sharing/" + sharing + "/sync").param("days", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.days").exists());
        mvc.perform(asAdmin(delete("/api/cte/sharing/" + sharing))).andExpect(status().isNoContent());
        assertThat(mongo.findById("URL:https://a.example", StoredIndicator.class).sharedWith()).isEmpty();
    }

    @Test
    void aSharingIsValidatedAgainstItsSourcesRuleAndTheDestinationsActionSchema() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/sharing"), Map.of("name", "Bad",
                        "sourceConfigurationIds", List.of("nope"), "ruleId", "missing",
                        "destinationConfigurationId", "dest", "action", TestDestinationPlugin.ADD_TO_LIST,
                        "actionParameters", Map.of()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sourceConfigurationIds").exists())
                .andExpect(jsonPath("$.errors.ruleId").exists())
                .andExpect(jsonPath("$.errors['actionParameters.list_name']").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/sharing"), Map.of("name", "Bad", "sourceConfigurationIds",
                        List.of("api:x"), "destinationConfigurationId", "dest", "action", "explode"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.action").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/sharing"), Map.of("name", "Bad", "sourceConfigurationIds",
                        List.of("api:x"), "destinationConfigurationId", "nowhere", "action", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.destinationConfigurationId").exists());
    }

    private String id(String body) {
        return readJson(body).get("id").asString();
    }
}

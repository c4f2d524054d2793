package io.cloudexchange.core.configurations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.logging.PlatformLogRepository;
import io.cloudexchange.core.pull.PullStatus;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.testplugin.MultiModulePlugin;
import io.cloudexchange.core.testplugin.TestFeedPlugin;
import io.cloudexchange.core.testplugin.TestPluginContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ConfigurationApiTest extends ApiTestSupport {

    private static final String SECRET = "s3cr3t-api-key-value";

    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private PlatformLogRepository logEntries;
    @Autowired
    private SecretCipher cipher;
    @Autowired
    private ApplicationEvents events;

    @BeforeEach
    void pluginContextsCarryDecryptedValues() {
        when(pluginContexts.forConfiguration(any())).thenAnswer(call -> {
            PluginConfiguration configuration = call.getArgument(0);
            Map<String, Object> values = new HashMap<>(configuration.parameters());
            configuration.secrets().forEach((key, encrypted) -> values.put(key, cipher.decrypt(encrypted)));
            return new TestPluginContext(configuration.id(), configuration.name(), values);
        });
        when(pullControl.lastRun(anyString())).thenReturn(Optional.empty());
    }

    private static Map<String, Object> body(String name, Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("pluginId", TestFeedPlugin.ID);
        body.put("parameters", parameters);
        return body;
    }

    private static Map<String, Object> validBody(String name) {
        return body(name, Map.of("base_url", "https://feed.example.com", "api_key", SECRET, "count", 50));
    }

    private String create(Map<String, Object> body) throws Exception {
        String answer = mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return readJson(answer).path("id").asString();
    }

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/configurations")).andExpect(status().isUnauthorized());
    }

    @Test
    void createsWithEncryptedSecretThatIsNeverReturned() throws Exception {
        String answer = mvc.perform(withJson(asAdmin(post("/api/configurations")), validBody("Feed A")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").isNotEmpty())
                .andExpect(jsonPath("$.module").value("CTE"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andExpect(jsonPath("$.pollIntervalSeconds").value(300))
                .andExpect(jsonPath("$.sslValidation").value(true))
                .andExpect(jsonPath("$.parameters.base_url").value("https://feed.example.com"))
                .andExpect(jsonPath("$.parameters.api_key").doesNotExist())
                .andExpect(jsonPath("$.secretsSet[0]").value("api_key"))
                .andExpect(jsonPath("$.createdAt").isNotEmpty())
                .andReturn().getResponse().getContentAsString();
        assertThat(answer).doesNotContain(SECRET);

        PluginConfiguration stored = configurations.findByName("Feed A").orElseThrow();
        assertThat(stored.parameters()).doesNotContainKey("api_key");
        assertThat(stored.secrets().get("api_key")).startsWith("v2:").doesNotContain(SECRET);
        assertThat(cipher.decrypt(stored.secrets().get("api_key"))).isEqualTo(SECRET);

        String listed = mvc.perform(asAdmin(get("/api/configurations"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("Feed A"))
                .andReturn().getResponse().getContentAsString();
        assertThat(listed).doesNotContain(SECRET);
        assertThat(logEntries.findAll()).anySatisfy(entry -> assertThat(entry.message()).contains("Feed A", ADMIN))
                .allSatisfy(entry -> assertThat(entry.message()).doesNotContain(SECRET));
    }

    @Test
    void answersIncludeTheLastRun() throws Exception {
        String id = create(validBody("Feed A"));
        Instant started = Instant.parse("2026-01-01T00:00:00Z");
        when(pullControl.lastRun(id)).thenReturn(Optional.of(
                new PullStatus(started, started.plusSeconds(5), PullStatus.State.SUCCESS, 1000, 2, "done")));

        mvc.perform(asAdmin(get("/api/configurations/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastRun.status").value("SUCCESS"))
                .andExpect(jsonPath("$.lastRun.items").value(1000))
                .andExpect(jsonPath("$.lastRun.rejected").value(2))
                .andExpect(jsonPath("$.lastRun.startedAt").value("2026-01-01T00:00:00Z"));
    }

    @Test
    void unknownPluginIsRejectedAndNothingSaved() throws Exception {
        Map<String, Object> body = validBody("Feed A");
        body.put("pluginId", "no-such-plugin");
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Validation failed"))
                .andExpect(jsonPath("$.errors.pluginId").value("unknown plugin 'no-such-plugin'"));
        assertThat(configurations.count()).isZero();
    }

    @Test
    void invalidParametersAreKeyedByParameterAndNothingSaved() throws Exception {
        Map<String, Object> body = body("x".repeat(101), Map.of("count", 0, "api_key", SECRET, "extra", "?"));
        body.put("pollIntervalSeconds", 1);
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("must be at most 100 characters"))
                .andExpect(jsonPath("$.errors.pollIntervalSeconds").exists())
                .andExpect(jsonPath("$.errors['parameters.count']").value("must be between 1 and 10000"))
                .andExpect(jsonPath("$.errors['parameters.base_url']").value("Base URL is required"))
                .andExpect(jsonPath("$.errors['parameters.extra']").value("unknown field"))
                .andExpect(jsonPath("$.detail").value("5 fields are invalid"));
        assertThat(configurations.count()).isZero();
    }

    @Test
    void pluginOwnCheckCanRejectAndNothingSaved() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/configurations")),
                        body("Feed A", Map.of("base_url", "https://x", "api_key", TestFeedPlugin.REJECTED_KEY))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['parameters.api_key']").value("was refused by the feed"));
        assertThat(configurations.count()).isZero();
    }

    @Test
    void malformedJsonAndWrongTypesAreRejected() throws Exception {
        mvc.perform(asAdmin(post("/api/configurations")).contentType(MediaType.APPLICATION_JSON).content("{\"name\": \"x\",}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.title").value("Malformed JSON"));
        Map<String, Object> body = validBody("Feed A");
        body.put("pollIntervalSeconds", "often");
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.pollIntervalSeconds").exists());
        assertThat(configurations.count()).isZero();
    }

    @Test
    void moduleIsRequiredWhenThePluginServesSeveral() throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Multi");
        body.put("pluginId", MultiModulePlugin.ID);
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.module").value("is required: the plugin serves [CTO, CLS]"));
        body.put("module", "CTE");
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.module").exists());
        body.put("module", "CLS");
        mvc.perform(withJson(asAdmin(post("/api/configurations")), body))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.module").value("CLS"));
    }

    @Test
    void duplicateNameIsAConflict() throws Exception {
        create(validBody("Feed A"));
        mvc.perform(withJson(asAdmin(post("/api/configurations")), validBody("Feed A")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.name").exists());
        assertThat(configurations.count()).isOne();
    }

    @Test
    void updateKeepsTheSecretWhenLeftEmptyAndReplacesItWhenGiven() throws Exception {
        String id = create(validBody("Feed A"));
        String storedSecret = configurations.findById(id).orElseThrow().secrets().get("api_key");

        mvc.perform(withJson(asAdmin(put("/api/configurations/" + id)),
                        body("Feed B", Map.of("base_url", "https://other.example.com", "api_key", ""))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Feed B"))
                .andExpect(jsonPath("$.secretsSet[0]").value("api_key"));
        assertThat(configurations.findById(id).orElseThrow().secrets().get("api_key")).isEqualTo(storedSecret);

        mvc.perform(withJson(asAdmin(put("/api/configurations/" + id)),
                        body("Feed B", Map.of("base_url", "https://other.example.com", "api_key", "new-key"))))
                .andExpect(status().isOk());
        assertThat(cipher.decrypt(configurations.findById(id).orElseThrow().secrets().get("api_key"))).isEqualTo("new-key");
    }

    @Test
    void updateOfUnknownIdIs404() throws Exception {
        mvc.perform(withJson(asAdmin(put("/api/configurations/nope")), validBody("Feed A")))
                .andExpect(status().isNotFound());
    }

    @Test
    void deletePublishesEventAndPullRunsNow() throws Exception {
        String id = create(validBody("Feed A"));
        mvc.perform(asAdmin(post("/api/configurations/" + id + "/pull"))).andExpect(status().isAccepted());
        verify(pullControl).runNow(id);

        mvc.perform(asAdmin(delete("/api/configurations/" + id))).andExpect(status().isNoContent());
        assertThat(events.stream(ConfigurationDeletedEvent.class)).containsExactly(new ConfigurationDeletedEvent(id));
        mvc.perform(asAdmin(get("/api/configurations/" + id))).andExpect(status().isNotFound());
        mvc.perform(asAdmin(post("/api/configurations/" + id + "/pull"))).andExpect(status().isNotFound());
    }
}

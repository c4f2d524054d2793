package io.cloudexchange.core.cls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditEntry;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testplugin.TestFeedPlugin;
import io.cloudexchange.core.testplugin.TestLogSourcePlugin;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.query.Query;
import tools.jackson.databind.JsonNode;

/** SIEM mappings, business rules, dead letters and counters through the API: validation, conflicts, audit. */
@Import(LogShipperApiTest.Mappers.class)
class LogShipperApiTest extends ApiTestSupport {

    @TestConfiguration(proxyBeanMethods = false)
    static class Mappers {
        @Bean
        @org.springframework.context.annotation.Primary
        TestLogMappers testLogMappers(@org.springframework.beans.factory.annotation.Qualifier("compiledLogMappers")
                                      io.cloudexchange.core.cls.mapping.LogMappers real) {
            return new TestLogMappers(real);
        }
    }

    @Autowired
    private PluginConfigurationRepository configurations;
    private String source;
    private String destination;
    private String threatFeed;

    @BeforeEach
    void configurations() {
        source = save("source", TestLogSourcePlugin.ID, PlatformModule.CLS, Map.of());
        destination = save("receiver", TcpLineDestinationPlugin.ID, PlatformModule.CLS,
                Map.of("host", "127.0.0.1", "port", 6514));
        threatFeed = save("feed", TestFeedPlugin.ID, PlatformModule.CTE, Map.of("base_url", "https://x.example"));
    }

    @Test
    void aValidMappingIsSavedWithTheDefaultRuleAndAFormatBothSidesTake() throws Exception {
        String body = mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), mapping("to siem")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.businessRuleId").value("all"))
                .andExpect(jsonPath("$.format").value("JSON"))
                .andExpect(jsonPath("$.enabled").value(true))
                .andReturn().getResponse().getContentAsString();
        String id = readJson(body).path("id").asString();

        mvc.perform(asAdmin(get("/api/cls/siem-mappings"))).andExpect(jsonPath("$[0].id").value(id));
        assertThat(mongo.find(Query.query(where("targetType").is("cls_siem_mapping").and("targetId").is(id)),
                AuditEntry.class)).singleElement().satisfies(entry ->
                assertThat(entry.changes()).anySatisfy(change -> assertThat(change.field()).isEqualTo("destinationConfigurationId")));
        mvc.perform(asAdmin(get("/api/cls/counters"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].mappingId").value(id))
                .andExpect(jsonPath("$[0].totals.sent").value(0));
    }

    @Test
    void theShippedMappingFilesPickAFormatTheDestinationTakes() throws Exception {
        Map<String, Object> cef = mapping("cef default");
        cef.put("mappingFileId", "default-cef-syslog");
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), cef))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.format").value("CEF"));

        Map<String, Object> leef = mapping("leef default");
        leef.put("mappingFileId", "default-leef-qradar");
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), leef))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingFileId").exists());
    }

    @Test
    void referencesOfTheWrongKindAreRefusedFieldByField() throws Exception {
        Map<String, Object> request = mapping(" ");
        request.put("sourceConfigurationId", destination);
        request.put("destinationConfigurationId", threatFeed);
        request.put("businessRuleId", "nope");

        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), request))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.sourceConfigurationId").value("'receiver' is not a log source"))
                .andExpect(jsonPath("$.errors.destinationConfigurationId")
                        .value("'feed' is not a Log Shipper configuration"))
                .andExpect(jsonPath("$.errors.businessRuleId").value("no business rule 'nope'"));
        assertThat(mongo.getCollection("cls_siem_mappings").countDocuments()).isZero();
    }

    @Test
    void theDestinationMustTakeTheMappingsFormat() throws Exception {
        Map<String, Object> leef = mapping("leef");
        leef.put("format", "LEEF");
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), leef))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.format").value("the destination takes only [CEF, JSON]"));

        Map<String, Object> cef = mapping("cef");
        cef.put("format", "CEF");
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), cef))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingFileId").value("the mapping file has no CEF section the destination could take"));

        Map<String, Object> unknownFile = mapping("file");
        unknownFile.put("mappingFileId", "missing");
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), unknownFile))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingFileId").value("no mapping file 'missing'"));
    }

    @Test
    void namesAreUniqueAndChangesAreSaved() throws Exception {
        String id = readJson(mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), mapping("one")))
                .andReturn().getResponse().getContentAsString()).path("id").asString();
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), mapping("one")))
                .andExpect(status().isConflict());

        Map<String, Object> disabled = mapping("renamed");
        disabled.put("enabled", false);
        mvc.perform(withJson(asAdmin(put("/api/cls/siem-mappings/" + id)), disabled))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("renamed"))
                .andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(asAdmin(delete("/api/cls/siem-mappings/" + id))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(get("/api/cls/siem-mappings/" + id))).andExpect(status().isNotFound());
    }

    @Test
    void givingUpOnRepeatedFailuresIsAnAuditedOptInWithACheckedAttemptCount() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), mapping("default")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onRepeatedFailure.action").value("KEEP_RETRYING"))
                .andExpect(jsonPath("$.onRepeatedFailure.afterAttempts").doesNotExist());

        for (Object attempts : new Object[] {0, 1001, null}) {
            Map<String, Object> request = mapping("bad " + attempts);
            Map<String, Object> policy = new java.util.HashMap<>();
            policy.put("action", "DISCARD");
            policy.put("afterAttempts", attempts);
            request.put("onRepeatedFailure", policy);
            mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), request))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors['onRepeatedFailure.afterAttempts']")
                            .value("must be between 1 and 1000 when the action is DISCARD"));
        }

        Map<String, Object> request = mapping("gives up");
        request.put("onRepeatedFailure", Map.of("action", "DEAD_LETTER", "afterAttempts", 5));
        String id = readJson(mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), request))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.onRepeatedFailure.action").value("DEAD_LETTER"))
                .andExpect(jsonPath("$.onRepeatedFailure.afterAttempts").value(5))
                .andReturn().getResponse().getContentAsString()).path("id").asString();
        request.put("onRepeatedFailure", Map.of("action", "DISCARD", "afterAttempts", 1000));
        mvc.perform(withJson(asAdmin(put("/api/cls/siem-mappings/" + id)), request))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.onRepeatedFailure.action").value("DISCARD"));

        assertThat(mongo.find(Query.query(where("targetType").is("cls_siem_mapping").and("targetId").is(id)
                        .and("action").is("UPDATE")), AuditEntry.class)).singleElement()
                .satisfies(entry -> assertThat(entry.changes()).anySatisfy(change -> {
                    assertThat(change.field()).isEqualTo("onRepeatedFailure");
                    assertThat(change.before()).hasToString("DEAD_LETTER after 5 attempts");
                    assertThat(change.after()).hasToString("DISCARD after 1000 attempts");
                }));
    }

    @Test
    void businessRulesStartWithAllWhichCannotChangeAndRulesInUseCannotGo() throws Exception {
        mvc.perform(asAdmin(get("/api/cls/business-rules")))
                .andExpect(jsonPath("$[0].name").value("All"))
                .andExpect(jsonPath("$[0].builtIn").value(true));
        mvc.perform(withJson(asAdmin(put("/api/cls/business-rules/all")), Map.of("name", "All", "query", "")))
                .andExpect(status().isBadRequest());
        mvc.perform(withJson(asAdmin(post("/api/cls/business-rules")), Map.of("name", "", "query", "x".repeat(10_001))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").value("is required"))
                .andExpect(jsonPath("$.errors.query").value("must be at most 10000 characters"));

        mvc.perform(withJson(asAdmin(post("/api/cls/business-rules")), Map.of("name", "broken", "query", "user ==")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.query").value(org.hamcrest.Matchers.containsString("offset")));
        JsonNode rule = readJson(mvc.perform(withJson(asAdmin(post("/api/cls/business-rules")),
                        Map.of("name", "dlp only", "query", "alert_type == \"dlp\""))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        Map<String, Object> request = mapping("uses rule");
        request.put("businessRuleId", rule.path("id").asString());
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), request)).andExpect(status().isCreated());

        mvc.perform(asAdmin(delete("/api/cls/business-rules/" + rule.path("id").asString())))
                .andExpect(status().isBadRequest());
        mvc.perform(asAdmin(delete("/api/cls/business-rules/all"))).andExpect(status().isBadRequest());
    }

    @Test
    void aMappingFileInUseCannotBeDeleted() throws Exception {
        String copy = readJson(mvc.perform(withJson(asAdmin(post("/api/cls/mapping-files/default-json/copy")),
                        Map.of("name", "my json"))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).path("id").asString();
        Map<String, Object> request = mapping("uses my json");
        request.put("mappingFileId", copy);
        mvc.perform(withJson(asAdmin(post("/api/cls/siem-mappings")), request)).andExpect(status().isCreated());

        mvc.perform(asAdmin(delete("/api/cls/mapping-files/" + copy)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.id").value(org.hamcrest.Matchers.containsString("uses my json")));
        mvc.perform(asAdmin(get("/api/cls/mapping-files/" + copy))).andExpect(status().isOk());
    }

    @Test
    void deadLetterRequestsAreChecked() throws Exception {
        mvc.perform(asAdmin(get("/api/cls/dead-letters"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(asAdmin(get("/api/cls/dead-letters?size=0"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").exists());
        mvc.perform(withJson(asAdmin(post("/api/cls/dead-letters/replay")), Map.of()))
                .andExpect(status().isBadRequest());
        mvc.perform(withJson(asAdmin(post("/api/cls/dead-letters/replay")), Map.of("mappingId", "nope")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingId").value("no SIEM mapping 'nope'"));
        mvc.perform(asAdmin(delete("/api/cls/dead-letters/nope"))).andExpect(status().isNotFound());
    }

    private Map<String, Object> mapping(String name) {
        Map<String, Object> request = new HashMap<>();
        request.put("name", name);
        request.put("sourceConfigurationId", source);
        request.put("destinationConfigurationId", destination);
        request.put("mappingFileId", TestLogMappers.FILE);
        return request;
    }

    private String save(String name, String pluginId, PlatformModule module, Map<String, Object> parameters) {
        Instant now = Instant.now();
        return configurations.save(new PluginConfiguration(null, name, pluginId, module, parameters, Map.of(), false,
                300, false, true, now, now, null)).id();
    }
}

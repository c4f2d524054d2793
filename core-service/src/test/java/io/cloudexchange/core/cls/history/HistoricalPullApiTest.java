package io.cloudexchange.core.cls.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditEntry;
import io.cloudexchange.core.cls.TestLogMappers;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.configurations.PluginConfigurationRepository;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testplugin.TestHistoricalLogSourcePlugin;
import io.cloudexchange.core.testplugin.TestLogSourcePlugin;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.query.Query;

/** Historical pulls through the API: field-keyed validation, one running pull per source, cancel, audit. */
class HistoricalPullApiTest extends ApiTestSupport {

    @Autowired
    private PluginConfigurationRepository configurations;
    @Autowired
    private SiemMappingRepository mappings;
    private PluginConfiguration historicalSource;
    private SiemMapping mapping;

    @BeforeEach
    void mapping() {
        historicalSource = configuration("history", TestHistoricalLogSourcePlugin.HISTORICAL_ID);
        mapping = mapping(historicalSource, true);
    }

    @Test
    void everyBadFieldIsNamed() throws Exception {
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), Map.of()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingId").value("is required"))
                .andExpect(jsonPath("$.errors.from").value("is required"))
                .andExpect(jsonPath("$.errors.to").value("is required"));
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request("nope", "yesterday", ago(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingId").value("no SIEM mapping 'nope'"))
                .andExpect(jsonPath("$.errors.from").value(
                        "is not an ISO-8601 date-time such as 2026-11-01T00:00:00Z"));
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(mapping.id(), ago(1), ago(2))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").value("must be after from"));
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(mapping.id(), ago(1),
                        Instant.now().plus(Duration.ofHours(1)).toString())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").value("must not be in the future"));
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(mapping.id(),
                        Instant.now().minus(Duration.ofDays(91)).toString(), ago(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.to").value("the range may span at most 90 days"));
        assertThat(mongo.getCollection(HistoricalPullJob.COLLECTION).countDocuments()).isZero();
    }

    @Test
    void aSourceThatCannotPullHistoryOrADisabledMappingIsRefused() throws Exception {
        SiemMapping live = mapping(configuration("live only", TestLogSourcePlugin.ID), true);
        SiemMapping disabled = mapping(historicalSource, false);

        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(live.id(), ago(3), ago(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingId").value(org.hamcrest.Matchers.endsWith(
                        "cannot pull historical data")));
        mvc.perform(asAdmin(get("/api/cls/historical-pulls").param("mappingId", live.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(false))
                .andExpect(jsonPath("$.reason").value(org.hamcrest.Matchers.endsWith("cannot pull historical data")));
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(disabled.id(), ago(3), ago(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.mappingId").value(org.hamcrest.Matchers.startsWith(
                        "the SIEM mapping is disabled")));
    }

    @Test
    void aPullIsStartedListedCancelledAndAuditedAndOnlyOneRunsPerSource() throws Exception {
        String local = Instant.now().minus(Duration.ofHours(3)).toString().substring(0, 16);
        String body = mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")),
                        request(mapping.id(), local, ago(1))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("RUNNING"))
                .andExpect(jsonPath("$.from").value(local + ":00Z"))
                .andExpect(jsonPath("$.requestedBy").value(ADMIN))
                .andReturn().getResponse().getContentAsString();
        String id = readJson(body).path("id").asString();

        SiemMapping sameSource = mapping(historicalSource, true);
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(sameSource.id(), ago(3), ago(1))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.mappingId").exists());
        mvc.perform(asAdmin(get("/api/cls/historical-pulls").param("mappingId", mapping.id())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.supported").value(true))
                .andExpect(jsonPath("$.jobs[0].id").value(id));
        mvc.perform(asAdmin(get("/api/cls/historical-pulls/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.mappingId").value(mapping.id()));

        mvc.perform(asAdmin(delete("/api/cls/historical-pulls/" + id)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CANCELLED"));
        mvc.perform(asAdmin(delete("/api/cls/historical-pulls/" + id)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors.status").exists());
        mvc.perform(withJson(asAdmin(post("/api/cls/historical-pulls")), request(sameSource.id(), ago(3), ago(1))))
                .andExpect(status().isCreated());

        assertThat(mongo.find(Query.query(where("targetType").is(HistoricalPullService.AUDIT_TARGET)
                .and("targetId").is(id)), AuditEntry.class))
                .extracting(AuditEntry::action).map(Enum::name).containsExactlyInAnyOrder("CREATE", "UPDATE");
    }

    @Test
    void unknownPullsAreNotFound() throws Exception {
        mvc.perform(asAdmin(get("/api/cls/historical-pulls/nope"))).andExpect(status().isNotFound());
        mvc.perform(asAdmin(delete("/api/cls/historical-pulls/nope"))).andExpect(status().isNotFound());
        mvc.perform(asAdmin(get("/api/cls/historical-pulls").param("mappingId", "nope")))
                .andExpect(status().isNotFound());
    }

    private static Map<String, Object> request(String mappingId, String from, String to) {
        Map<String, Object> request = new HashMap<>();
        request.put("mappingId", mappingId);
        request.put("from", from);
        request.put("to", to);
        return request;
    }

    private static String ago(int hours) {
        return Instant.now().minus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private PluginConfiguration configuration(String name, String pluginId) {
        Instant now = Instant.now();
        return configurations.save(new PluginConfiguration(null, name + " " + UUID.randomUUID(), pluginId,
                PlatformModule.CLS, Map.of(), Map.of(), true, 60, false, true, now, now, null));
    }

    private SiemMapping mapping(PluginConfiguration source, boolean enabled) {
        Instant now = Instant.now();
        PluginConfiguration destination = configurations.save(new PluginConfiguration(null,
                "receiver " + UUID.randomUUID(), TcpLineDestinationPlugin.ID, PlatformModule.CLS,
                Map.of("host", "127.0.0.1", "port", 6514), Map.of(), true, 300, false, true, now, now, null));
        return mappings.save(new SiemMapping(null, "mapping " + UUID.randomUUID(), source.id(), BusinessRule.ALL_ID,
                destination.id(), TestLogMappers.FILE, LogFormat.JSON, enabled, null, now, now, null));
    }
}

package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditEntry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MvcResult;

class IndicatorApiTest extends ApiTestSupport {

    @Test
    void aScriptPostsIndicatorsAndTheInvalidOnesAreReportedByIndexAndField() throws Exception {
        Map<String, Object> body = Map.of("source", "soc-script", "indicators", List.of(
                Map.of("type", "url", "value", "https://evil.example/a", "severity", "high", "reputation", 2,
                        "tags", List.of("phishing"), "lastSeen", "2026-01-01T00:00:00Z"),
                Map.of("type", "md5", "value", "9E107D9D372BB6826BD81D3542A419D6"),
                Map.of("type", "nope", "value", "x"),
                Map.of("type", "domain", "value", "ok.example", "reputation", 11, "firstSeen", "yesterday")));

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), body)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("api:soc-script"))
                .andExpect(jsonPath("$.received").value(4))
                .andExpect(jsonPath("$.stored").value(2))
                .andExpect(jsonPath("$.rejected['indicators[2].type']").exists())
                .andExpect(jsonPath("$.rejected['indicators[3].reputation']").exists())
                .andExpect(jsonPath("$.rejected['indicators[3].firstSeen']").exists());

        StoredIndicator url = mongo.findById("URL:https://evil.example/a", StoredIndicator.class);
        assertThat(url.sourceIds()).containsExactly("api:soc-script");
        assertThat(url.tags()).containsExactly("phishing");
        assertThat(url.reputation()).isEqualTo(2);
        assertThat(mongo.findById("MD5:9e107d9d372bb6826bd81d3542a419d6", StoredIndicator.class)).isNotNull();
        assertThat(mongo.findAll(AuditEntry.class)).anySatisfy(entry -> {
            assertThat(entry.targetType()).isEqualTo("indicators");
            assertThat(entry.targetId()).isEqualTo("api:soc-script");
        });
    }

    @Test
    void aPostWithoutAnyValidIndicatorIsRefusedWithFieldKeyedErrors() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"),
                        Map.of("indicators", List.of(Map.of("type", "url"))))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors['indicators[0].value']").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), Map.of("source", "bad name!",
                        "indicators", List.of(Map.of("type", "url", "value", "https://a.example"))))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.source").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), Map.of("indicators", List.of()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.indicators").exists());
        assertThat(mongo.findAll(StoredIndicator.class)).isEmpty();
    }

    @Test
    void theListingPagesAndSortsIndicators() throws Exception {
        postIndicators(Map.of("type", "url", "value", "https://old.example", "lastSeen", "2026-01-01T00:00:00Z"),
                Map.of("type", "url", "value", "https://new.example", "severity", "critical",
                        "lastSeen", "2026-01-01T00:01:00Z"));

        mvc.perform(asAdmin(get("/api/cte/indicators").param("page", "0").param("size", "1")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].value").value("https://new.example"))
                .andExpect(jsonPath("$.items[0].severity").value("CRITICAL"))
                .andExpect(jsonPath("$.items[0].sources[0].configurationId").value("api:default"))
                .andExpect(jsonPath("$.items[0].sources[0].hits").value(1));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("page", "1").param("size", "1")))
                .andExpect(jsonPath("$.items[0].value").value("https://old.example"));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("sort", "value,asc")))
                .andExpect(jsonPath("$.items[0].value").value("https://new.example"));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("sort", "secret,asc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.sort").exists());
    }

    @Test
    void tagUntagAndDeleteWorkOnSelectedIds() throws Exception {
        postIndicators(Map.of("type", "domain", "value", "a.example"), Map.of("type", "domain", "value", "b.example"));

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/tag"),
                        Map.of("ids", List.of("DOMAIN:a.example"), "tags", List.of("reviewed", "c2")))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(1));
        assertThat(mongo.findById("DOMAIN:a.example", StoredIndicator.class).tags()).containsExactly("reviewed", "c2");
        assertThat(mongo.findById("DOMAIN:b.example", StoredIndicator.class).tags()).isEmpty();

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/untag"),
                        Map.of("ids", List.of("DOMAIN:a.example"), "tags", List.of("c2")))))
                .andExpect(jsonPath("$.count").value(1));
        assertThat(mongo.findById("DOMAIN:a.example", StoredIndicator.class).tags()).containsExactly("reviewed");

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/tag"), Map.of("ids", List.of("DOMAIN:a.example")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.tags").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/delete"), Map.of())))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").exists());

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/delete"), Map.of("ids", List.of("DOMAIN:b.example")))))
                .andExpect(jsonPath("$.count").value(1));
        assertThat(mongo.findAll(StoredIndicator.class)).extracting(StoredIndicator::id)
                .containsExactly("DOMAIN:a.example");
    }

    @Test
    void theQueryLanguageFiltersTheListingAndSelectsIndicatorsForBulkActions() throws Exception {
        postIndicators(Map.of("type", "url", "value", "https://evil.example/a", "severity", "high"),
                Map.of("type", "url", "value", "https://fine.example/b", "severity", "low"),
                Map.of("type", "domain", "value", "evil.example", "severity", "critical"));

        mvc.perform(asAdmin(get("/api/cte/indicators").param("q", "type == \"url\" AND severity >= \"high\"")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].value").value("https://evil.example/a"));
        String apiSource = mongo.findAll(StoredIndicator.class).get(0).sourceIds().get(0);
        mvc.perform(asAdmin(get("/api/cte/indicators")
                        .param("q", "source == \"" + apiSource + "\" AND updatedAt > now - 1h")))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("q", "source == \"another-source\"")))
                .andExpect(jsonPath("$.total").value(0));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("q", "type == \"url\" AND (")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value(org.hamcrest.Matchers.containsString("offset")));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("q", "value == {\"$where\": 1}")))
                .andExpect(status().isBadRequest());

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/tag"),
                        Map.of("q", "value contains \"evil\"", "tags", List.of("bad")))))
                .andExpect(jsonPath("$.count").value(2));
        mvc.perform(asAdmin(get("/api/cte/indicators").param("q", "tags == \"bad\"")))
                .andExpect(jsonPath("$.total").value(2));

        mvc.perform(asAdmin(withJson(post("/api/cte/indicators/delete"), Map.of("q", "severity < \"high\""))))
                .andExpect(jsonPath("$.count").value(1));
        assertThat(mongo.findAll(StoredIndicator.class)).extracting(StoredIndicator::value)
                .containsExactlyInAnyOrder("https://evil.example/a", "evil.example");

        MvcResult csv = mvc.perform(asAdmin(get("/api/cte/indicators/export").param("q", "type == \"domain\"")))
                .andReturn();
        String text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(csv)).andReturn().getResponse().getContentAsString();
        assertThat(text.split("\r\n")).hasSize(2);
        mvc.perform(asAdmin(get("/api/cte/indicators/export").param("q", "nosuchfield == 1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").exists());
    }

    @Test
    void exportStreamsCsvAndJson() throws Exception {
        postIndicators(Map.of("type", "url", "value", "https://x.example/a,b", "comments", "=cmd()"));

        MvcResult csv = mvc.perform(asAdmin(get("/api/cte/indicators/export").param("format", "csv")))
                .andExpect(status().isOk()).andReturn();
        String text = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(csv)).andReturn().getResponse().getContentAsString();
        assertThat(text).startsWith(IndicatorExport.CSV_HEADER + "\r\n")
                .contains("URL,\"https://x.example/a,b\",UNKNOWN,5,true,false")
                .contains("api:default,'=cmd()");

        MvcResult jsonResult = mvc.perform(asAdmin(get("/api/cte/indicators/export").param("format", "json")))
                .andReturn();
        String array = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .asyncDispatch(jsonResult)).andReturn().getResponse().getContentAsString();
        assertThat(readJson(array).get(0).get("value").asString()).isEqualTo("https://x.example/a,b");

        mvc.perform(asAdmin(get("/api/cte/indicators/export").param("format", "xml")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.format").exists());
    }

    @Test
    void theTagDictionaryHasColoursAndDeletingATagRemovesItFromIndicators() throws Exception {
        postIndicators(Map.of("type", "domain", "value", "a.example", "tags", List.of("old")));

        mvc.perform(asAdmin(withJson(post("/api/cte/tags"), Map.of("name", "old", "color", "#FF0000"))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.color").value("#ff0000"));
        mvc.perform(asAdmin(withJson(post("/api/cte/tags"), Map.of("name", "old", "color", "#00ff00"))))
                .andExpect(status().isConflict());
        mvc.perform(asAdmin(withJson(post("/api/cte/tags"), Map.of("name", " ", "color", "red"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.color").exists());
        mvc.perform(asAdmin(withJson(put("/api/cte/tags/old"), Map.of("color", "#00ff00"))))
                .andExpect(jsonPath("$.color").value("#00ff00"));
        mvc.perform(asAdmin(get("/api/cte/tags")))
                .andExpect(jsonPath("$[0].name").value("old"));

        mvc.perform(asAdmin(delete("/api/cte/tags/old"))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(delete("/api/cte/tags/old"))).andExpect(status().isNotFound());
        assertThat(mongo.findById("DOMAIN:a.example", StoredIndicator.class).tags()).isEmpty();
    }

    @Test
    void settingsAreValidatedAndUsedForNewReports() throws Exception {
        mvc.perform(asAdmin(get("/api/cte/settings")))
                .andExpect(jsonPath("$.reconciliationPolicy").value("HIGHEST_SEVERITY"))
                .andExpect(jsonPath("$.defaultAgingDays").value(90));
        mvc.perform(asAdmin(withJson(put("/api/cte/settings"), Map.of("defaultAgingDays", 99999,
                        "agingDaysByConfiguration", Map.of("api:x", 0)))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.defaultAgingDays").exists())
                .andExpect(jsonPath("$.errors['agingDaysByConfiguration.api:x']").exists());
        mvc.perform(asAdmin(withJson(put("/api/cte/settings"), Map.of("reconciliationPolicy", "ALWAYS_OVERRIDE",
                        "defaultAgingDays", 10, "agingDaysByConfiguration", Map.of("api:default", 1)))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reconciliationPolicy").value("ALWAYS_OVERRIDE"));

        postIndicators(Map.of("type", "domain", "value", "a.example"));

        StoredIndicator stored = mongo.findById("DOMAIN:a.example", StoredIndicator.class);
        assertThat(java.time.Duration.between(stored.lastSeen(), stored.expiresAt())).isEqualTo(java.time.Duration.ofDays(1));
    }

    @SafeVarargs
    private void postIndicators(Map<String, Object>... indicators) throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), Map.of("indicators", List.of(indicators)))))
                .andExpect(status().isOk());
    }
}

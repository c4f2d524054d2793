package io.cloudexchange.core.cte;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditEntry;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class BusinessRuleApiTest extends ApiTestSupport {

    @Test
    void rulesAreCreatedInFoldersClonedMutedAndDeletedWithAnAuditTrail() throws Exception {
        String id = create(Map.of("name", "Phishing", "folder", " Team / Phishing /URLs ", "exceptionTags",
                List.of("internal")));

        mvc.perform(asAdmin(get("/api/cte/business-rules/" + id)))
                .andExpect(jsonPath("$.folder").value("Team/Phishing/URLs"))
                .andExpect(jsonPath("$.muted").value(false));
        String copy = readJson(mvc.perform(asAdmin(post("/api/cte/business-rules/" + id + "/clone")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value("Phishing (copy)"))
                .andExpect(jsonPath("$.exceptionTags[0]").value("internal"))
                .andReturn().getResponse().getContentAsString()).get("id").asString();
        assertThat(copy).isNotEqualTo(id);

        mvc.perform(asAdmin(withJson(put("/api/cte/business-rules/" + copy), Map.of("name", "Muted copy",
                        "folder", "Other", "muted", true))))
                .andExpect(jsonPath("$.muted").value(true));
        mvc.perform(asAdmin(get("/api/cte/business-rules").param("folder", "Team")))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].name").value("Phishing"));

        mvc.perform(asAdmin(delete("/api/cte/business-rules/" + copy))).andExpect(status().isNoContent());
        mvc.perform(asAdmin(get("/api/cte/business-rules/" + copy))).andExpect(status().isNotFound());
        assertThat(mongo.findAll(AuditEntry.class))
                .filteredOn(entry -> BusinessRules.AUDIT_TARGET.equals(entry.targetType()))
                .extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.CREATE, AuditAction.UPDATE, AuditAction.DELETE);
    }

    @Test
    void badRulesAreRefusedFieldByField() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"),
                        Map.of("name", " ", "folder", "a/b/c/d", "exceptionTags", List.of("")))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.name").exists())
                .andExpect(jsonPath("$.errors.folder").exists())
                .andExpect(jsonPath("$.errors.exceptionTags").exists());
        mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"), Map.of("name", "x", "folder", "a//b"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.folder").exists());
        create(Map.of("name", "Same"));
        mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"), Map.of("name", "Same"))))
                .andExpect(status().isConflict());
    }

    @Test
    void aRuleInUseBySharingCannotBeDeleted() throws Exception {
        String id = create(Map.of("name", "Used"));
        mongo.getCollection(SharingUsage.SHARING_COLLECTION).insertOne(new Document("_id", "s1")
                .append("name", "To firewall").append("ruleId", id));

        mvc.perform(asAdmin(delete("/api/cte/business-rules/" + id)))
                .andExpect(status().isConflict());
        assertThat(mongo.findById(id, BusinessRule.class)).isNotNull();
    }

    @Test
    void testCountsMatchingActiveIndicatorsByTypeAndSizeWithoutExceptionsOrOldOnes() throws Exception {
        Instant now = Instant.now();
        postIndicators(
                indicator("url", "https://a.example/x", now, null),          // 19 bytes
                indicator("url", "https://bb.example/y", now, null),         // 20 bytes
                indicator("md5", "9e107d9d372bb6826bd81d3542a419d6", now, null),
                indicator("url", "https://old.example", now.minus(40, ChronoUnit.DAYS), null),
                indicator("domain", "intranet.example", now, List.of("internal")),
                indicator("domain", "gone.example", now, null));
        mongo.updateFirst(org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").is("DOMAIN:gone.example")),
                new org.springframework.data.mongodb.core.query.Update().set("active", false), StoredIndicator.class);
        String id = create(Map.of("name", "All but internal", "exceptionTags", List.of("internal")));

        mvc.perform(asAdmin(post("/api/cte/business-rules/" + id + "/test").param("days", "30")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.count").value(3))
                .andExpect(jsonPath("$.size").value(19 + 20 + 32))
                .andExpect(jsonPath("$.byType[0].type").value("MD5"))
                .andExpect(jsonPath("$.byType[0].count").value(1))
                .andExpect(jsonPath("$.byType[1].type").value("URL"))
                .andExpect(jsonPath("$.byType[1].count").value(2))
                .andExpect(jsonPath("$.byType[1].size").value(39));
        mvc.perform(asAdmin(post("/api/cte/business-rules/" + id + "/test")))
                .andExpect(jsonPath("$.count").value(4));
        mvc.perform(asAdmin(withJson(post("/api/cte/business-rules/test"), Map.of())))
                .andExpect(jsonPath("$.count").value(5));
        mvc.perform(asAdmin(post("/api/cte/business-rules/" + id + "/test").param("days", "0")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.days").exists());
    }

    @Test
    void aRuleFiltersWithTheQueryLanguageAndLeavesOutItsExceptionQuery() throws Exception {
        Instant now = Instant.now();
        postIndicators(indicator("domain", "evil.example", now, null), indicator("domain", "intranet.corp", now, null),
                indicator("domain", "mail.corp", now, null), indicator("url", "https://evil.example/", now, null));
        String id = create(Map.of("name", "Domains", "filter", "type == \"domain\"",
                "exceptionQuery", "value contains \".corp\""));

        mvc.perform(asAdmin(post("/api/cte/business-rules/" + id + "/test")))
                .andExpect(jsonPath("$.count").value(1))
                .andExpect(jsonPath("$.byType[0].type").value("DOMAIN"));
        mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"),
                        Map.of("name", "Broken", "filter", "type ==", "exceptionQuery", "nope == 1"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.filter").exists())
                .andExpect(jsonPath("$.errors.exceptionQuery").exists());
    }

    private String create(Map<String, Object> rule) throws Exception {
        String body = mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"), rule)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return readJson(body).get("id").asString();
    }

    private static Map<String, Object> indicator(String type, String value, Instant lastSeen, List<String> tags) {
        Map<String, Object> item = new HashMap<>(Map.of("type", type, "value", value, "lastSeen", lastSeen.toString()));
        if (tags != null) {
            item.put("tags", tags);
        }
        return item;
    }

    @SafeVarargs
    private void postIndicators(Map<String, Object>... indicators) throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/indicators"), Map.of("indicators", List.of(indicators)))))
                .andExpect(status().isOk());
    }
}

package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

/** The EDL of a business rule: what the rule shares, one value per line, behind a list token. */
class RuleEdlApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private String token;
    private String ruleId;

    @BeforeEach
    void storeIndicatorsARuleAndAToken() throws Exception {
        insert("URL", "http://bad.example/", 3, Map.of());
        insert("URL", "http://intranet.corp.example/", 3, Map.of());
        insert("URL", "http://allowed.example/", 3, Map.of("tags", List.of("allowlisted")));
        insert("URL", "http://low.example/", 1, Map.of());
        insert("URL", "http://off.example/", 4, Map.of("active", false));
        insert("URL", "http://retracted.example/", 4, Map.of("retracted", true));
        insert("DOMAIN", "evil.example", 4, Map.of());

        MvcResult created = mvc.perform(asAdmin(withJson(post("/api/cte/list-tokens"), Map.of("name", "proxy"))))
                .andExpect(status().isCreated()).andReturn();
        token = readJson(created.getResponse().getContentAsString()).path("token").asString();
        ruleId = readJson(mvc.perform(asAdmin(withJson(post("/api/cte/business-rules"), rule(false))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).path("id").asString();
    }

    private static Map<String, Object> rule(boolean muted) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", "High and up");
        rule.put("filter", "severity >= \"high\"");
        rule.put("exceptionQuery", "value contains \".corp.example\"");
        rule.put("exceptionTags", List.of("allowlisted"));
        rule.put("muted", muted);
        return rule;
    }

    private void insert(String type, String value, int severityRank, Map<String, Object> extra) {
        Document document = new Document("_id", type + ":" + value).append("type", type).append("value", value)
                .append("severityRank", severityRank).append("active", true)
                .append("firstSeen", Date.from(T0)).append("lastSeen", Date.from(T0));
        document.putAll(extra);
        mongo.getCollection("indicators").insertOne(document);
    }

    private MvcResult fetch(String path, String ifNoneMatch) throws Exception {
        var request = get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        if (ifNoneMatch != null) {
            request.header(HttpHeaders.IF_NONE_MATCH, ifNoneMatch);
        }
        return mvc.perform(request).andReturn();
    }

    private String body(String path) throws Exception {
        MvcResult result = fetch(path, null);
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("text/plain;charset=UTF-8");
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void listsWhatTheRuleMatchesMinusItsExceptionQueryAndTags() throws Exception {
        assertThat(body("/api/edl/rules/" + ruleId)).isEqualTo("evil.example\nhttp://bad.example/\n");
    }

    @Test
    void canBeRestrictedToOneTypeByPathOrParameter() throws Exception {
        assertThat(body("/api/edl/rules/" + ruleId + "/url")).isEqualTo("http://bad.example/\n");
        assertThat(body("/api/edl/rules/" + ruleId + "?type=DOMAIN")).isEqualTo("evil.example\n");
        mvc.perform(get("/api/edl/rules/" + ruleId + "/ftp").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.type").exists());
    }

    @Test
    void answers304WhileUnchangedAndANewETagOnceAMatchingIndicatorArrives() throws Exception {
        String etag = fetch("/api/edl/rules/" + ruleId, null).getResponse().getHeader(HttpHeaders.ETAG);
        assertThat(etag).startsWith("\"");

        MvcResult unchanged = fetch("/api/edl/rules/" + ruleId, etag);
        assertThat(unchanged.getResponse().getStatus()).isEqualTo(304);
        assertThat(unchanged.getResponse().getContentAsString()).isEmpty();

        insert("URL", "http://another.corp.example/", 4, Map.of());
        assertThat(fetch("/api/edl/rules/" + ruleId, etag).getResponse().getStatus())
                .as("an indicator the exception leaves out does not change the list").isEqualTo(304);

        insert("URL", "http://new.example/", 4, Map.of());
        MvcResult changed = fetch("/api/edl/rules/" + ruleId, etag);
        assertThat(changed.getResponse().getStatus()).isEqualTo(200);
        assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(changed.getResponse().getContentAsString()).contains("http://new.example/");
    }

    @Test
    void aMutedRulesListIsEmptyAndSaysWhy() throws Exception {
        mvc.perform(asAdmin(withJson(put("/api/cte/business-rules/" + ruleId), rule(true)))).andExpect(status().isOk());

        mvc.perform(get("/api/edl/rules/" + ruleId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string(EdlController.RULE_MUTED, "true"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(""));
    }

    @Test
    void anUnknownRuleIs404() throws Exception {
        mvc.perform(get("/api/edl/rules/no-such-rule").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound());
    }

    @Test
    void needsAValidListToken() throws Exception {
        mvc.perform(get("/api/edl/rules/" + ruleId)).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/edl/rules/" + ruleId).header(HttpHeaders.AUTHORIZATION, "Bearer cel_wrong"))
                .andExpect(status().isUnauthorized());
        // a user's JWT is not a list token
        mvc.perform(asAdmin(get("/api/edl/rules/" + ruleId))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/edl/rules/" + ruleId).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isMethodNotAllowed());
    }
}

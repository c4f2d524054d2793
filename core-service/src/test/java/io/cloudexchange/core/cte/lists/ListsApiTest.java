package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.core.audit.AuditEntry;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;

class ListsApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");

    private String token;

    @BeforeEach
    void storeIndicatorsAndCreateAToken() throws Exception {
        insert("URL", "http://b.example/x", 3, T0.plusSeconds(10), Map.of("active", true, "tags", List.of("c2")));
        insert("URL", "http://a.example/", 1, T0.plusSeconds(20), Map.of());
        insert("URL", "http://off.example/", 4, T0.plusSeconds(30), Map.of("active", false));
        insert("URL", "http://retracted.example/", 4, T0.plusSeconds(40), Map.of("retracted", true));
        insert("DOMAIN", "evil.example", 4, T0.plusSeconds(20), Map.of("expiresAt", Date.from(T0.plusSeconds(86_400))));
        insert("MD5", "d41d8cd98f00b204e9800998ecf8427e", 2, T0.plusSeconds(50), Map.of());

        MvcResult created = mvc.perform(asAdmin(withJson(post("/api/cte/list-tokens"), Map.of("name", "edge firewall"))))
                .andExpect(status().isCreated())
                .andReturn();
        token = readJson(created.getResponse().getContentAsString()).path("token").asString();
    }

    private void insert(String type, String value, int severityRank, Instant lastSeen, Map<String, Object> extra) {
        Document document = new Document("_id", type + ":" + value).append("type", type).append("value", value)
                .append("severityRank", severityRank).append("reputation", 3)
                .append("firstSeen", Date.from(T0)).append("lastSeen", Date.from(lastSeen));
        document.putAll(extra);
        mongo.getCollection("indicators").insertOne(document);
    }

    private String body(String path) throws Exception {
        return mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void tokensAreShownOnceStoredHashedAndAudited() throws Exception {
        String listed = mvc.perform(asAdmin(get("/api/cte/list-tokens"))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].name").value("edge firewall"))
                .andReturn().getResponse().getContentAsString();

        assertThat(token).startsWith("cel_").hasSizeGreaterThan(40);
        assertThat(listed).doesNotContain(token);
        Document stored = mongo.getCollection("list_tokens").find().first();
        assertThat(stored.toJson()).doesNotContain(token);
        assertThat(stored.getString("tokenHash")).isEqualTo(ListTokens.hash(token));
        assertThat(mongo.getCollection(AuditEntry.COLLECTION).countDocuments(new Document("targetType", "list-token")))
                .isEqualTo(1);
    }

    @Test
    void edlListsActiveIndicatorsOfATypeOnePerLine() throws Exception {
        assertThat(body("/api/edl/indicators/url")).isEqualTo("http://a.example/\nhttp://b.example/x\n");
        assertThat(body("/api/edl/indicators/DOMAIN")).isEqualTo("evil.example\n");
    }

    @Test
    void edlFiltersWithTheQueryLanguage() throws Exception {
        assertThat(body("/api/edl/indicators?q=severity >= \"high\"")).isEqualTo("evil.example\nhttp://b.example/x\n");
        assertThat(body("/api/edl/indicators?q=severity > \"high\"")).isEqualTo("evil.example\n");
        assertThat(body("/api/edl/indicators/url?q=tags == \"c2\"")).isEqualTo("http://b.example/x\n");

        mvc.perform(get("/api/edl/indicators?q=severity >> 1").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.q").value(org.hamcrest.Matchers.startsWith("expected a value")));
        mvc.perform(get("/api/edl/indicators/ftp").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.type").exists());
    }

    @Test
    void edlAnswers304WhileTheListIsUnchanged() throws Exception {
        String etag = mvc.perform(get("/api/edl/indicators/url").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getHeader(HttpHeaders.ETAG);

        MvcResult unchanged = mvc.perform(get("/api/edl/indicators/url")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isNotModified()).andReturn();
        assertThat(unchanged.getResponse().getContentAsString()).isEmpty();

        mongo.getCollection("indicators").updateOne(new Document("_id", "URL:http://off.example/"),
                new Document("$set", new Document("active", true)));
        MvcResult changed = mvc.perform(get("/api/edl/indicators/url")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).header(HttpHeaders.IF_NONE_MATCH, etag))
                .andExpect(status().isOk()).andReturn();
        assertThat(changed.getResponse().getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(changed.getResponse().getContentAsString()).contains("http://off.example/");
    }

    @Test
    void listsNeedAValidListTokenAndAreReadOnly() throws Exception {
        mvc.perform(get("/api/edl/indicators/url")).andExpect(status().isUnauthorized())
                .andExpect(header().string(HttpHeaders.WWW_AUTHENTICATE, org.hamcrest.Matchers.containsString("Basic")));
        mvc.perform(get("/api/edl/indicators/url").header(HttpHeaders.AUTHORIZATION, "Bearer cel_wrong"))
                .andExpect(status().isUnauthorized());
        mvc.perform(asAdmin(get("/api/edl/indicators/url"))).andExpect(status().isUnauthorized());
        mvc.perform(asAdmin(get("/api/taxii2/"))).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/edl/indicators/url").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isMethodNotAllowed());

        String basic = Base64.getEncoder().encodeToString(("paloalto:" + token).getBytes(StandardCharsets.UTF_8));
        mvc.perform(get("/api/edl/indicators/md5").header(HttpHeaders.AUTHORIZATION, "Basic " + basic))
                .andExpect(status().isOk());

        String id = mongo.getCollection("list_tokens").find().first().getString("_id");
        mvc.perform(asAdmin(delete("/api/cte/list-tokens/" + id))).andExpect(status().isNoContent());
        mvc.perform(get("/api/edl/indicators/url").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isUnauthorized());
    }

    private JsonNode taxii(String path) throws Exception {
        MvcResult result = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ACCEPT, TaxiiController.TAXII))
                .andExpect(status().isOk())
                .andExpect(header().string(HttpHeaders.CONTENT_TYPE, TaxiiController.TAXII))
                .andReturn();
        return readJson(result.getResponse().getContentAsString());
    }

    @Test
    void taxiiDiscoveryApiRootAndCollections() throws Exception {
        JsonNode discovery = taxii("/api/taxii2/");
        assertThat(discovery.path("api_roots").get(0).asString()).endsWith("/api/taxii2/cte/");

        assertThat(taxii("/api/taxii2/cte/").path("versions").get(0).asString()).isEqualTo(TaxiiController.TAXII);

        JsonNode collections = taxii("/api/taxii2/cte/collections/").path("collections");
        assertThat(collections).hasSize(1 + IndicatorType.values().length);
        assertThat(collections.get(0).path("can_write").asBoolean()).isFalse();
        assertThat(taxii("/api/taxii2/cte/collections/" + TaxiiController.collectionId(IndicatorType.URL) + "/")
                .path("title").asString()).isEqualTo("Active url indicators");

        mvc.perform(get("/api/taxii2/cte/collections/nope/").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/taxii2/").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header(HttpHeaders.ACCEPT, "application/taxii+json;version=2.0"))
                .andExpect(status().isNotAcceptable());
    }

    @Test
    void taxiiObjectsArePagedByDateAddedAsStixIndicators() throws Exception {
        String objects = "/api/taxii2/cte/collections/" + TaxiiController.collectionId(null) + "/objects/";
        List<String> patterns = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            JsonNode page = taxii(objects + "?limit=2" + (next == null ? "" : "&next=" + next));
            page.path("objects").forEach(o -> patterns.add(o.path("pattern").asString()));
            next = page.path("more").asBoolean() ? page.path("next").asString() : null;
            pages++;
        } while (next != null);

        assertThat(pages).isEqualTo(2);
        // evil.example and a.example were added at the same time: ordered by id, across the page boundary
        assertThat(patterns).containsExactly("[url:value = 'http://b.example/x']", "[domain-name:value = 'evil.example']",
                "[url:value = 'http://a.example/']", "[file:hashes.MD5 = 'd41d8cd98f00b204e9800998ecf8427e']");

        JsonNode after = taxii(objects + "?added_after=2026-05-01T00:00:20.000Z");
        assertThat(after.path("objects")).hasSize(1);
        JsonNode md5 = after.path("objects").get(0);
        assertThat(md5.path("type").asString()).isEqualTo("indicator");
        assertThat(md5.path("spec_version").asString()).isEqualTo("2.1");
        assertThat(md5.path("id").asString()).matches("indicator--[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(md5.path("pattern_type").asString()).isEqualTo("stix");
        assertThat(md5.path("valid_from").asString()).isEqualTo("2026-05-01T00:00:00.000Z");
        assertThat(md5.path("modified").asString()).isEqualTo("2026-05-01T00:00:50.000Z");

        JsonNode urls = taxii("/api/taxii2/cte/collections/" + TaxiiController.collectionId(IndicatorType.URL)
                + "/objects/?added_after=2026-05-01T00:00:15Z");
        assertThat(urls.path("objects")).hasSize(1);
        assertThat(urls.path("objects").get(0).path("name").asString()).isEqualTo("http://a.example/");
    }
}

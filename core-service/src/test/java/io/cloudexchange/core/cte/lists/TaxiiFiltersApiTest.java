package io.cloudexchange.core.cte.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** TAXII 2.1 section 3.5 filters on objects and manifests, one object by id, and errors in TAXII format. */
class TaxiiFiltersApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-05-01T00:00:00Z");
    private static final String ALL = "/api/taxii2/cte/collections/" + TaxiiController.collectionId(null);
    private static final String URLS = "/api/taxii2/cte/collections/" + TaxiiController.collectionId(IndicatorType.URL);
    private static final String A = StixIndicators.id(IndicatorType.URL, "http://a.example/");
    private static final String B = StixIndicators.id(IndicatorType.URL, "http://b.example/");
    private static final String EVIL = StixIndicators.id(IndicatorType.DOMAIN, "evil.example");
    private static final String OFF = StixIndicators.id(IndicatorType.URL, "http://off.example/");

    private String token;

    @BeforeEach
    void storeIndicatorsAndCreateAToken() throws Exception {
        insert("URL", "http://a.example/", T0.plusSeconds(10), Map.of());
        insert("URL", "http://b.example/", T0.plusSeconds(20), Map.of());
        insert("DOMAIN", "evil.example", T0.plusSeconds(30), Map.of());
        insert("URL", "http://off.example/", T0.plusSeconds(40), Map.of("active", false));
        MvcResult created = mvc.perform(asAdmin(withJson(post("/api/cte/list-tokens"), Map.of("name", "taxii"))))
                .andExpect(status().isCreated()).andReturn();
        token = readJson(created.getResponse().getContentAsString()).path("token").asString();
    }

    private void insert(String type, String value, Instant lastSeen, Map<String, Object> extra) {
        Document document = new Document("_id", type + ":" + value).append("type", type).append("value", value)
                .append("firstSeen", Date.from(T0)).append("lastSeen", Date.from(lastSeen));
        document.putAll(extra);
        mongo.getCollection("indicators").insertOne(document);
    }

    private MockHttpServletRequestBuilder taxii(String path, String... parameters) {
        MockHttpServletRequestBuilder request = get(path).header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT, TaxiiController.TAXII);
        for (int i = 0; i < parameters.length; i += 2) {
            request.param(parameters[i], parameters[i + 1]);
        }
        return request;
    }

    private JsonNode ok(String path, String... parameters) throws Exception {
        MvcResult result = mvc.perform(taxii(path, parameters)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo(TaxiiController.TAXII);
        return readJson(result.getResponse().getContentAsString());
    }

    private List<String> ids(String path, String... parameters) throws Exception {
        List<String> ids = new ArrayList<>();
        ok(path, parameters).path("objects").forEach(object -> ids.add(object.path("id").asString()));
        return ids;
    }

    private JsonNode refused(String path, String... parameters) throws Exception {
        MvcResult result = mvc.perform(taxii(path, parameters)).andReturn();
        assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(400);
        assertThat(result.getResponse().getContentType()).isEqualTo(TaxiiController.TAXII);
        JsonNode error = readJson(result.getResponse().getContentAsString());
        assertThat(error.path("http_status").asString()).isEqualTo("400");
        assertThat(error.path("title").asString()).isNotBlank();
        return error;
    }

    @Test
    void matchIdTakesACommaSeparatedListOrRepeatedParameters() throws Exception {
        assertThat(ids(ALL + "/objects/", "match[id]", A)).containsExactly(A);
        assertThat(ids(ALL + "/objects/", "match[id]", EVIL + "," + A)).containsExactly(A, EVIL);
        assertThat(ids(ALL + "/objects/", "match[id]", EVIL, "match[id]", B)).containsExactly(B, EVIL);
        assertThat(ids(URLS + "/objects/", "match[id]", EVIL + "," + A)).as("only the collection's objects")
                .containsExactly(A);
        assertThat(ids(ALL + "/objects/", "match[id]", OFF)).as("an inactive indicator is not served").isEmpty();
        assertThat(refused(ALL + "/objects/", "match[id]", "not-an-id").path("details").path("match[id]").asString())
                .contains("not-an-id");
    }

    @Test
    void matchTypeSelectsIndicatorsOnly() throws Exception {
        assertThat(ids(ALL + "/objects/", "match[type]", "indicator")).containsExactly(A, B, EVIL);
        assertThat(ids(ALL + "/objects/", "match[type]", "malware,indicator")).containsExactly(A, B, EVIL);
        assertThat(ids(ALL + "/objects/", "match[type]", "malware")).isEmpty();
        refused(ALL + "/objects/", "match[type]", "Not A Type");
        refused(ALL + "/objects/", "match[type]", "indicator,");
    }

    @Test
    void matchVersionFirstLastAllOrATimestamp() throws Exception {
        for (String version : List.of("last", "first", "all", "first,last")) {
            assertThat(ids(ALL + "/objects/", "match[version]", version)).as(version).containsExactly(A, B, EVIL);
        }
        assertThat(ids(ALL + "/objects/", "match[version]", "2026-05-01T00:00:20.000Z")).containsExactly(B);
        assertThat(ids(ALL + "/objects/", "match[version]", "2026-05-01T00:00:20.000Z,2026-05-01T00:00:30Z"))
                .containsExactly(B, EVIL);
        assertThat(ids(ALL + "/objects/", "match[version]", "2026-05-01T00:00:21Z")).isEmpty();
        assertThat(refused(ALL + "/objects/", "match[version]", "latest").path("description").asString())
                .contains("match[version]");
    }

    @Test
    void matchSpecVersionServesOnly21() throws Exception {
        assertThat(ids(ALL + "/objects/", "match[spec_version]", "2.1")).containsExactly(A, B, EVIL);
        assertThat(ids(ALL + "/objects/", "match[spec_version]", "2.0,2.1")).containsExactly(A, B, EVIL);
        assertThat(ids(ALL + "/objects/", "match[spec_version]", "2.0")).isEmpty();
        refused(ALL + "/objects/", "match[spec_version]", "two");
    }

    @Test
    void filtersCombineWithAddedAfterLimitAndNext() throws Exception {
        JsonNode first = ok(ALL + "/objects/", "added_after", "2026-05-01T00:00:10Z", "match[type]", "indicator",
                "limit", "1");
        assertThat(first.path("more").asBoolean()).isTrue();
        assertThat(first.path("objects").get(0).path("id").asString()).isEqualTo(B);
        JsonNode second = ok(ALL + "/objects/", "added_after", "2026-05-01T00:00:10Z", "match[type]", "indicator",
                "limit", "1", "next", first.path("next").asString());
        assertThat(second.path("more").asBoolean()).isFalse();
        assertThat(second.path("objects").get(0).path("id").asString()).isEqualTo(EVIL);

        refused(ALL + "/objects/", "added_after", "yesterday");
        refused(ALL + "/objects/", "limit", "0");
        refused(ALL + "/objects/", "limit", "many");
        refused(ALL + "/objects/", "next", "!!");
    }

    @Test
    void theManifestListsIdDateAddedVersionAndMediaTypeWithTheSameFilters() throws Exception {
        JsonNode manifest = ok(ALL + "/manifest/", "match[id]", B + "," + EVIL, "limit", "1");
        assertThat(manifest.path("more").asBoolean()).isTrue();
        JsonNode entry = manifest.path("objects").get(0);
        assertThat(entry.path("id").asString()).isEqualTo(B);
        assertThat(entry.path("date_added").asString()).isEqualTo("2026-05-01T00:00:20.000Z");
        assertThat(entry.path("version").asString()).isEqualTo("2026-05-01T00:00:20.000Z");
        assertThat(entry.path("media_type").asString()).isEqualTo(TaxiiController.STIX);
        assertThat(ok(URLS + "/manifest/", "match[version]", "2026-05-01T00:00:10Z").path("objects")).hasSize(1);
        refused(ALL + "/manifest/", "match[version]", "sometime");
    }

    @Test
    void oneObjectByIdAndItsVersions() throws Exception {
        JsonNode envelope = ok(ALL + "/objects/" + EVIL + "/");
        assertThat(envelope.path("objects")).hasSize(1);
        assertThat(envelope.path("objects").get(0).path("pattern").asString())
                .isEqualTo("[domain-name:value = 'evil.example']");
        assertThat(ok(ALL + "/objects/" + EVIL + "/", "match[version]", "2026-05-01T00:00:00Z").path("objects"))
                .isEmpty();
        assertThat(ok(ALL + "/objects/" + EVIL + "/versions/").path("versions").get(0).asString())
                .isEqualTo("2026-05-01T00:00:30.000Z");

        for (String missing : List.of(URLS + "/objects/" + EVIL + "/", ALL + "/objects/" + OFF + "/",
                ALL + "/objects/indicator--00000000-0000-5000-8000-000000000000/versions/")) {
            MvcResult result = mvc.perform(taxii(missing)).andReturn();
            assertThat(result.getResponse().getStatus()).as(missing).isEqualTo(404);
            assertThat(result.getResponse().getContentType()).isEqualTo(TaxiiController.TAXII);
            assertThat(readJson(result.getResponse().getContentAsString()).path("http_status").asString())
                    .isEqualTo("404");
        }
    }
}

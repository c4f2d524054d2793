package io.cloudexchange.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueryApiTest extends ApiTestSupport {

    @Test
    void aValidQueryComesBackInCanonicalForm() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/query/validate"),
                        Map.of("query", "type in ('url','domain') and severity >= 'HIGH'", "fields", "indicators"))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.valid").value(true))
                .andExpect(jsonPath("$.canonical").value("type IN (\"url\", \"domain\") AND severity >= \"HIGH\""));
    }

    @Test
    void aSyntaxErrorIsAFieldKeyed400WithItsPosition() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/query/validate"), Map.of("query", "type == \"url\" AND"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.query")
                        .value("expected a field name, NOT or '(', found end of query (line 1, column 18)"));
    }

    @Test
    void anUnknownFieldOfTheCatalogIsRefused() throws Exception {
        String body = mvc.perform(asAdmin(withJson(post("/api/query/validate"),
                        Map.of("query", "colour == \"red\"", "fields", "indicators"))))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString();

        assertThat(readJson(body).path("errors").path("query").asText())
                .startsWith("unknown field 'colour'; known fields: type, value, severity");
    }

    @Test
    void anUnknownCatalogIsRefused() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/query/validate"), Map.of("query", "a == 1", "fields", "nope"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.fields").value("unknown field catalog 'nope'; known: indicators"));
    }

    @Test
    void listsTheFieldsOfEachCatalog() throws Exception {
        mvc.perform(asAdmin(get("/api/query/fields")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.indicators[0].name").value("type"))
                .andExpect(jsonPath("$.indicators[0].values[0]").value("url"))
                .andExpect(jsonPath("$.indicators[2].operators[2]").value("<"));
    }
}

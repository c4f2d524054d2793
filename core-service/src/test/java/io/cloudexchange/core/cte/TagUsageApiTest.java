package io.cloudexchange.core.cte;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class TagUsageApiTest extends ApiTestSupport {

    @Test
    void eachDictionaryTagWithItsColourAndHowManyIndicatorsCarryIt() throws Exception {
        mvc.perform(asAdmin(withJson(post("/api/cte/tags"), Map.of("name", "c2", "color", "#aa0000"))))
                .andExpect(status().isCreated());
        mvc.perform(asAdmin(withJson(post("/api/cte/tags"), Map.of("name", "unused", "color", "#00aa00"))))
                .andExpect(status().isCreated());
        var indicators = mongo.getCollection(StoredIndicator.COLLECTION);
        indicators.insertOne(new Document("_id", "DOMAIN:a.example").append("tags", List.of("c2", "other")));
        indicators.insertOne(new Document("_id", "DOMAIN:b.example").append("tags", List.of("c2")));
        indicators.insertOne(new Document("_id", "DOMAIN:c.example").append("tags", List.of()));

        mvc.perform(asAdmin(get("/api/cte/tags/usage")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[0].name").value("c2"))
                .andExpect(jsonPath("$[0].color").value("#aa0000"))
                .andExpect(jsonPath("$[0].indicators").value(2))
                .andExpect(jsonPath("$[1].name").value("unused"))
                .andExpect(jsonPath("$[1].indicators").value(0));
    }
}

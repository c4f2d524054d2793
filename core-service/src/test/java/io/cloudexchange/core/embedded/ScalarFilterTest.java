package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.backend.DefaultQueryMatcher;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ScalarFilterTest {

    private static final List<String> FIELDS = List.of("active", "retracted", "type", "_id");
    private static final List<Object> OPERANDS = List.of("URL", "DOMAIN", "URL:b", "", true, false);

    @Test
    void theEdlFilterIsDecidedWithoutTheServersMatcher() {
        Document page = new Document("_id", new Document("$gt", "URL:a").append("$lt", "URL:m"))
                .append("$and", List.of(new Document("$and", List.of(
                        new Document("active", new Document("$ne", false)),
                        new Document("retracted", new Document("$ne", true))))));
        ScalarFilter filter = ScalarFilter.of(page);

        assertThat(filter).isNotNull();
        assertThat(filter.matches(new Document("_id", "URL:b").append("active", true))).isTrue();
        assertThat(filter.matches(new Document("_id", "URL:b"))).as("missing active counts as active").isTrue();
        assertThat(filter.matches(new Document("_id", "URL:b").append("active", false))).isFalse();
        assertThat(filter.matches(new Document("_id", "URL:z").append("active", true))).isFalse();
        assertThat(filter.matches(new Document("_id", "URL:b").append("retracted", true))).isFalse();
    }

    @Test
    void queriesItCannotDecideAreLeftToTheServer() {
        assertThat(ScalarFilter.of(new Document("severityRank", new Document("$gte", 3)))).as("a number").isNull();
        assertThat(ScalarFilter.of(new Document("sources.a.batch", new Document("$ne", "b1")))).as("a path").isNull();
        assertThat(ScalarFilter.of(new Document("tags", new Document("$in", List.of("x"))))).as("$in").isNull();
        assertThat(ScalarFilter.of(new Document("$or", List.of(new Document("a", "x"))))).as("$or").isNull();
        assertThat(ScalarFilter.of(new Document("a", new Document("$gt", true)))).as("a boolean range").isNull();
        assertThat(ScalarFilter.of(new Document("a", new Document()))).as("an empty document").isNull();
        assertThat(ScalarFilter.of(new Document("$and", List.of()))).as("an empty $and").isNull();
    }

    @Test
    void aFieldHoldingAnArrayOrANumberIsLeftToTheServer() {
        ScalarFilter filter = ScalarFilter.of(new Document("type", "URL"));

        assertThat(filter.matches(new Document("type", List.of("URL")))).isNull();
        assertThat(filter.matches(new Document("type", 1))).isNull();
        assertThat(filter.matches(new Document("type", new Document("x", 1)))).isNull();
    }

    @Test
    void answersAsTheServersMatcherDoesWheneverItAnswers() {
        Random random = new Random(7);
        DefaultQueryMatcher server = new DefaultQueryMatcher();
        int decided = 0;
        for (int i = 0; i < 20_000; i++) {
            Document query = randomQuery(random);
            Document document = randomDocument(random);
            ScalarFilter filter = ScalarFilter.of(query);
            assertThat(filter).as("%s", query).isNotNull();
            Boolean answer = filter.matches(document);
            if (answer != null) {
                decided++;
                assertThat(answer).as("%s on %s", query, document).isEqualTo(server.matches(document, query));
            }
        }
        assertThat(decided).as("documents decided without the server").isGreaterThan(10_000);
    }

    private static Document randomQuery(Random random) {
        List<Document> parts = new ArrayList<>();
        int conditions = 1 + random.nextInt(3);
        for (int i = 0; i < conditions; i++) {
            String field = FIELDS.get(random.nextInt(FIELDS.size()));
            Object operand = OPERANDS.get(random.nextInt(OPERANDS.size()));
            String operator = List.of("$eq", "$ne", "$gt", "$gte", "$lt", "$lte", "plain").get(random.nextInt(7));
            if (operator.startsWith("$g") || operator.startsWith("$l")) {
                operand = operand instanceof String ? operand : "URL";
            }
            parts.add(new Document(field, operator.equals("plain") ? operand : new Document(operator, operand)));
        }
        if (parts.size() == 1 && random.nextBoolean()) {
            return parts.get(0);
        }
        return new Document("$and", parts);
    }

    private static Document randomDocument(Random random) {
        Document document = new Document();
        for (String field : FIELDS) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    // missing
                }
                case 1 -> document.put(field, null);
                case 2 -> document.put(field, true);
                case 3 -> document.put(field, false);
                case 4 -> document.put(field, List.of("URL", false));
                case 5 -> document.put(field, 3);
                default -> document.put(field, OPERANDS.get(random.nextInt(4)));
            }
        }
        return document;
    }
}

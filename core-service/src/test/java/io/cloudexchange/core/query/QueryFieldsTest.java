package io.cloudexchange.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryFieldsTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-10T12:00:00Z"), ZoneOffset.UTC);

    static final QueryFields FIELDS = QueryFields.of(
            QueryField.symbolic("type", "type", FieldType.STRING, Map.of("url", "URL", "md5", "MD5"), false),
            QueryField.symbolic("severity", "severityRank", FieldType.NUMBER, Map.of("low", 1L, "high", 3L), true),
            QueryField.of("value", "value", FieldType.STRING),
            QueryField.of("reputation", "reputation", FieldType.NUMBER),
            QueryField.of("active", "active", FieldType.BOOLEAN),
            QueryField.of("lastSeen", "lastSeen", FieldType.DATETIME),
            QueryField.of("source", "sources.configurationId", FieldType.STRING));

    private static Document filter(String query) {
        return FIELDS.compile(query, CLOCK).toMongoFilter();
    }

    @Test
    void mapsFieldNamesToStoragePathsAndSymbolsToStoredValues() {
        assertThat(filter("type IN (\"URL\", \"md5\") AND severity >= \"high\" AND source == \"c1\""))
                .isEqualTo(new Document("$and", List.of(
                        new Document("type", new Document("$in", List.of("URL", "MD5"))),
                        new Document("severityRank", new Document("$gte", 3L)),
                        new Document("sources.configurationId", new Document("$eq", "c1")))));
    }

    @Test
    void fieldNamesAreCaseInsensitive() {
        assertThat(filter("LASTSEEN > \"2024-01-02\"")).isEqualTo(new Document("lastSeen",
                new Document("$gt", Date.from(Instant.parse("2024-01-02T00:00:00Z")))));
    }

    @Test
    void readsDatesAndRelativeTimes() {
        assertThat(filter("lastSeen >= now - 7d")).isEqualTo(new Document("lastSeen",
                new Document("$gte", Date.from(Instant.parse("2026-05-03T12:00:00Z")))));
        assertThat(filter("lastSeen < \"2024-01-02T03:04:05+02:00\"")).isEqualTo(new Document("lastSeen",
                new Document("$lt", Date.from(Instant.parse("2024-01-02T01:04:05Z")))));
        assertThat(filter("lastSeen < \"2024-01-02T03:04:05.123\"")).isEqualTo(new Document("lastSeen",
                new Document("$lt", Date.from(Instant.parse("2024-01-02T03:04:05.123Z")))));
    }

    @Test
    void notOrAndNumbers() {
        assertThat(filter("NOT (reputation < 5 OR reputation == 7.5) AND active != false"))
                .isEqualTo(new Document("$and", List.of(
                        new Document("$nor", List.of(new Document("$or", List.of(
                                new Document("reputation", new Document("$lt", 5L)),
                                new Document("reputation", new Document("$eq", 7.5)))))),
                        new Document("active", new Document("$ne", false)))));
    }

    @Test
    void valuesThatLookLikeOperatorsStayLiteralStrings() {
        String hostile = "{\"$where\": \"sleep(1000)\"}";
        Document filter = filter("value == \"{\\\"$where\\\": \\\"sleep(1000)\\\"}\" OR value IN (\"$gt\")");

        assertThat(filter).isEqualTo(new Document("$or", List.of(
                new Document("value", new Document("$eq", hostile)),
                new Document("value", new Document("$in", List.of("$gt"))))));
    }

    @Test
    void containsIsAnEscapedCaseInsensitiveRegex() {
        assertThat(filter("value contains \"a.b*(c)$\"")).isEqualTo(new Document("value",
                new Document("$regex", "a\\.b\\*\\(c\\)\\$").append("$options", "i")));
    }

    @Test
    void regexKeepsItsPatternWithTheCaseInsensitiveFlagOnly() {
        assertThat(filter("value regex \"^evil[0-9]+\\\\.com$\"")).isEqualTo(new Document("value",
                new Document("$regex", "^evil[0-9]+\\.com$")));
        assertThat(filter("value regex \"(?i)^EVIL\"")).isEqualTo(new Document("value",
                new Document("$regex", "^EVIL").append("$options", "i")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "colour == \"red\"                 | 0  | unknown field 'colour'; known fields: type, severity, value, reputation, active, lastSeen, source",
        "type == \"ftp\"                   | 8  | field 'type' takes one of: ",
        "type contains \"u\"               | 0  | operator contains is not allowed on field 'type'; allowed: ==, !=, IN, NOT IN",
        "active > true                     | 0  | operator > is not allowed on field 'active'",
        "reputation == \"5\"               | 14 | field 'reputation' is a number; expected a number",
        "value == 5                        | 9  | field 'value' is text; write the value in quotes",
        "active == \"yes\"                 | 10 | field 'active' is a boolean; expected true or false",
        "lastSeen > \"yesterday\"          | 11 | invalid date-time \"yesterday\"",
        "lastSeen > 5                      | 11 | field 'lastSeen' is a date-time",
        "value regex \"(a+)+$\"            | 12 | nested repetition such as (a+)+ is not allowed",
        "value regex \"(a)\\\\1\"          | 12 | back-references are not allowed",
        "value regex \"(?s).\"             | 12 | only (?:...), (?=...), (?!...) groups and a leading (?i) are allowed",
        "value regex \"[a\"                | 12 | invalid regex: Unclosed character class",
        "value contains \"\"              | 15 | contains takes a non-empty string",
        "value regex 5                     | 12 | regex takes a quoted string",
    })
    void semanticErrorsNameTheFieldAndPosition(String query, int offset, String reason) {
        assertThatThrownBy(() -> filter(query)).isInstanceOfSatisfying(QueryException.class, e -> {
            assertThat(e.reason()).startsWith(reason);
            assertThat(e.offset()).isEqualTo(offset);
        });
    }

    @Test
    void refusesOverlongRegex() {
        String query = "value regex \"" + "a".repeat(SafeRegex.MAX_LENGTH + 1) + "\"";
        assertThatThrownBy(() -> filter(query)).hasMessageContaining("regex longer than " + SafeRegex.MAX_LENGTH);
    }

    @Test
    void openCatalogsAcceptAnyFieldTypedByItsLiteral() {
        QueryFields open = QueryFields.of().orAnyField();

        assertThat(open.compile("src.port == 443 AND user == \"bob\" AND ok == true", CLOCK).toMongoFilter())
                .isEqualTo(new Document("$and", List.of(
                        new Document("src.port", new Document("$eq", 443L)),
                        new Document("user", new Document("$eq", "bob")),
                        new Document("ok", new Document("$eq", true)))));
    }
}

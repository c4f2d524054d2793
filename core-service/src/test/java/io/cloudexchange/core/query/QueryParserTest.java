package io.cloudexchange.core.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.core.query.QueryNode.Condition;
import io.cloudexchange.core.query.QueryNode.Literal;
import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QueryParserTest {

    @Test
    void andBindsTighterThanOrAndNotTighterThanAnd() {
        QueryNode node = QueryParser.parse("a == 1 OR NOT b == 2 AND c == 3");

        assertThat(node).isInstanceOf(QueryNode.Or.class);
        QueryNode.Or or = (QueryNode.Or) node;
        assertThat(or.operands().get(1)).isInstanceOf(QueryNode.And.class);
        QueryNode.And and = (QueryNode.And) or.operands().get(1);
        assertThat(and.operands().get(0)).isInstanceOf(QueryNode.Not.class);
        assertThat(node).hasToString("a == 1 OR (NOT b == 2 AND c == 3)");
    }

    @Test
    void parenthesesGroup() {
        assertThat(QueryParser.parse("(a == 1 or b == 2) and c == 3"))
                .hasToString("(a == 1 OR b == 2) AND c == 3");
    }

    @Test
    void readsEveryOperatorAndLiteralKind() {
        String query = "type IN (\"url\", 'domain') AND n >= -1.5 AND n < 10 AND n <= 3 AND n > 0 AND n != 2"
                + " AND ok == true AND bad == FALSE AND s contains \"x\" AND s regex \"^a.*\""
                + " AND t NOT IN (\"a\") AND seen > now - 7d AND until < now + 12h AND at <= now";

        QueryNode node = QueryParser.parse(query);

        assertThat(node).hasToString("type IN (\"url\", \"domain\") AND n >= -1.5 AND n < 10 AND n <= 3 AND n > 0"
                + " AND n != 2 AND ok == true AND bad == false AND s contains \"x\" AND s regex \"^a.*\""
                + " AND t NOT IN (\"a\") AND seen > now - 7d AND until < now + 12h AND at <= now");
        assertThat(QueryParser.parse(node.toString())).hasToString(node.toString());
    }

    @Test
    void keepsDottedFieldNamesAndPositions() {
        Condition condition = (Condition) QueryParser.parse("  src.ip.v4 == \"10.0.0.1\"");

        assertThat(condition.field()).isEqualTo("src.ip.v4");
        assertThat(condition.fieldOffset()).isEqualTo(2);
        assertThat(condition.value()).isEqualTo(new Literal.Text("10.0.0.1", 15));
    }

    @Test
    void stringEscapesAndOperatorCharactersStayText() {
        Condition condition = (Condition) QueryParser.parse("v == \"{\\\"$where\\\": \\\"1\\\"} \\u0041\\n\"");

        assertThat(((Literal.Text) condition.value()).value()).isEqualTo("{\"$where\": \"1\"} A\n");
    }

    @Test
    void relativeTimesAndNumbers() {
        Condition seen = (Condition) QueryParser.parse("seen >= now-2w");
        Condition n = (Condition) QueryParser.parse("n == 1e3");

        assertThat(((Literal.Now) seen.value()).shift()).isEqualTo(Duration.ofDays(-14));
        assertThat(((Literal.Number) n.value()).value()).isEqualByComparingTo(BigDecimal.valueOf(1000));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
        "~~                          | 0  | empty query",
        "type ==                     | 7  | expected a value (a quoted string, a number, true, false or now), found end of query",
        "type = \"url\"              | 5  | '=' is not an operator; expected '=='",
        "type == \"url\" AND         | 17 | expected a field name, NOT or '(', found end of query",
        "(type == \"url\"            | 14 | expected ')' to close the '(' at offset 0, found end of query",
        "type IN \"url\"             | 8  | expected '(' to start the list of values, found string \"url\"",
        "type IN (\"url\" \"ip\")    | 15 | expected ',' or ')' to close the list opened at offset 8, found string \"ip\"",
        "type like \"url\"           | 5  | expected an operator (==, !=, <, <=, >, >=, contains, regex, IN, NOT IN), found 'like'",
        "type == \"url               | 8  | unterminated string; expected a closing \"",
        "a == 1 b == 2               | 7  | expected AND, OR or end of query, found 'b'",
        "a == 1 AND AND b == 2       | 11 | expected a field name, NOT or '(', found 'AND'",
        "seen > now - 7x             | 13 | invalid number; expected digits, or a duration such as 7d (units s, m, h, d, w)",
        "seen > now - 7              | 13 | expected a duration such as 7d after now - (units s, m, h, d, w), found '7'",
        "a == \"\\x\"                | 6  | unknown escape '\\x' in string; expected one of \\\" \\' \\\\ \\/ \\n \\t \\r \\uXXXX",
        "a == 1 ; b                  | 7  | unexpected character ';'",
    })
    void syntaxErrorsSayWhereAndWhatWasExpected(String query, int offset, String reason) {
        assertThatThrownBy(() -> QueryParser.parse(query))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.reason()).startsWith(reason);
                    assertThat(e.offset()).isEqualTo(offset);
                    assertThat(e.column()).isEqualTo(offset + 1);
                });
    }

    @Test
    void reportsLineAndColumnOnMultiLineQueries() {
        assertThatThrownBy(() -> QueryParser.parse("a == 1\nAND b =! 2"))
                .isInstanceOfSatisfying(QueryException.class, e -> {
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(7);
                });
    }

    @Test
    void refusesDeepNestingAndHugeQueries() {
        String deep = "(".repeat(QueryParser.MAX_DEPTH + 1) + "a == 1" + ")".repeat(QueryParser.MAX_DEPTH + 1);
        assertThatThrownBy(() -> QueryParser.parse(deep)).hasMessageContaining("nested deeper than");
        String longQuery = "a == \"" + "x".repeat(QueryParser.MAX_LENGTH) + "\"";
        assertThatThrownBy(() -> QueryParser.parse(longQuery)).hasMessageContaining("longer than");
    }
}

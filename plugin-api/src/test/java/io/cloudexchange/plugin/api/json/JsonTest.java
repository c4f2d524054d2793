package io.cloudexchange.plugin.api.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The JSON codec the TAXII, MISP and CrowdStrike plugins each carry (the copies are identical). */
class JsonTest {

    @Test
    void parsesEveryKindOfValue() {
        Object parsed = Json.parse(" {\"a\": [1, -2.5e3, true, false, null], \"s\": \"q\\\"\\\\\\/\\n\\u00e9\\ud83d\\ude00\","
                + " \"big\": 12345678901234567890, \"o\": {}} ");

        Map<String, Object> object = Json.object(parsed);
        assertThat(object.get("a")).isEqualTo(java.util.Arrays.asList(1L, -2500.0, true, false, null));
        assertThat(object.get("s")).isEqualTo("q\"\\/\né😀");
        assertThat(object.get("big")).isEqualTo(1.2345678901234567E19);
        assertThat(object.get("o")).isEqualTo(Map.of());
    }

    @Test
    void writesWhatItParses() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("text", "tab\t\"quote\" \u0001 é");
        value.put("list", List.of(1L, 2.5, true));
        value.put("none", null);

        String json = Json.write(value);

        assertThat(json).isEqualTo("{\"text\":\"tab\\t\\\"quote\\\" \\u0001 é\",\"list\":[1,2.5,true],\"none\":null}");
        assertThat(Json.parse(json)).isEqualTo(value);
    }

    @Test
    void brokenDocumentsNameTheOffset() {
        assertThatThrownBy(() -> Json.parse("{\"a\": 1,}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("position 8");
        assertThatThrownBy(() -> Json.parse("[1, 2")).hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Json.parse("\"a\nb\"")).hasMessageContaining("control character");
        assertThatThrownBy(() -> Json.parse("{} x")).hasMessageContaining("after the value");
        assertThatThrownBy(() -> Json.parse("\"\\u12\"")).hasMessageContaining("\\u escape");
    }

    @Test
    void refusesDocumentsNestedDeeperThanSixtyFourLevels() {
        String deep = "[".repeat(70) + "]".repeat(70);

        assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nested too deep");
    }

    @Test
    void quotesLineAndParagraphSeparatorsSoJavaScriptReadersAcceptTheText() {
        assertThat(Json.quote("a\u2028b\u2029")).isEqualTo("\"a\\u2028b\\u2029\"");
    }

    @Test
    void typedAccessorsFallBackForValuesOfAnotherType() {
        assertThat(Json.object("x")).isEmpty();
        assertThat(Json.array(Map.of())).isEmpty();
        assertThat(Json.text(5L)).isNull();
        assertThat(Json.string(3.0)).isEqualTo("3");
        assertThat(Json.number("7", -1)).isEqualTo(-1);
    }
}

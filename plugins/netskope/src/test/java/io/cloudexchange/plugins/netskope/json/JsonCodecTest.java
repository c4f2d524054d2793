package io.cloudexchange.plugins.netskope.json;

import io.cloudexchange.plugin.api.json.Json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JsonCodecTest {

    @Test
    void readsNestedValuesInOrder() {
        Object value = JsonReader.parse(" {\"a\": [1, -2.5, true, false, null, {}], \"b\": {\"c\": []}, \"d\": 1e3} ");

        assertThat(value).isEqualTo(map("a", java.util.Arrays.asList(1L, -2.5, true, false, null, Map.of()),
                "b", Map.of("c", List.of()), "d", 1000.0));
        assertThat(((Map<?, ?>) value).keySet().toString()).isEqualTo("[a, b, d]");
    }

    @Test
    void keepsIntegersBeyondDoublePrecisionExactAsText() {
        Map<String, Object> value = JsonReader.parseObject(
                "{\"small\":9007199254740992,\"big\":12199130753650368095,\"neg\":-9223372036854775809,\"long\":9007199254740993}");

        assertThat(value).containsEntry("small", 9007199254740992L)
                .containsEntry("big", "12199130753650368095")
                .containsEntry("neg", "-9223372036854775809")
                .containsEntry("long", "9007199254740993");
    }

    @Test
    void decodesEscapesAndUnicode() {
        Object value = JsonReader.parse("\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00 zoë\"");

        assertThat(value).isEqualTo("q\" b\\ s/ \b\f\n\r\t é 😀 zoë");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\":1", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"abc", "\"a\\x\"", "tru",
            "{\"a\":1}x", "\"\\u12\"", "{1:2}", "\"tab\there\"", "[1 2]"})
    void refusesBrokenJson(String text) {
        assertThatThrownBy(() -> JsonReader.parse(text)).isInstanceOf(JsonException.class).hasMessageContaining("offset");
    }

    @Test
    void readsAStreamThatArrivesAByteAtATime() throws IOException {
        String json = "{\"name\":\"zoë \\\"q\\\" \\u00e9 😀\",\"transaction_id\":12199130753650368095,"
                + "\"n\":-2.5e3,\"list\":[true,null,{}]}";

        Object value = JsonReader.parse(trickle(json));

        assertThat(value).isEqualTo(map("name", "zoë \"q\" é 😀", "transaction_id", "12199130753650368095",
                "n", -2500.0, "list", Arrays.asList(true, null, Map.of())));
    }

    @Test
    void refusesAStreamThatEndsEarly() {
        assertThatThrownBy(() -> JsonReader.parse(trickle("{\"result\":[{\"_id\":\"a\"},{\"_i")))
                .isInstanceOf(JsonException.class).hasMessage("unterminated string at offset 27");
    }

    private static InputStream trickle(String json) {
        return new FilterInputStream(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return super.read(buffer, offset, Math.min(length, 1));
            }
        };
    }

    @Test
    void refusesAbsurdNesting() {
        assertThatThrownBy(() -> JsonReader.parse("[".repeat(300) + "]".repeat(300)))
                .isInstanceOf(JsonException.class).hasMessageContaining("nested");
    }

    @Test
    void writesWhatItReads() {
        Map<String, Object> value = map("name", "a \"quoted\" \\ line\nnext \u0001 é 😀",
                "list", List.of(1L, 2.5, true, "x"), "nothing", null, "nested", Map.of("k", List.of()));

        String json = Json.write(value);

        assertThat(json).contains("\\u0001").contains("\\n");
        assertThat(JsonReader.parse(json)).isEqualTo(value);
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}

package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper writes records itself rather than through Jackson's generator; property: its output is, byte for
 * byte, what Jackson's default writer makes of the same record.
 */
class JsonTextTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();
    private static final String WHOLE = "{\"json\": {\"events\": {\"page\": []}}}";
    private static final LogMapper JSON = CompiledLogMappers.compile(
            new MappingFile("t", "json", false, WHOLE, MappingFileParser.parse(WHOLE), null, null, "1"), LogFormat.JSON);

    private static String mapped(Map<String, Object> record) {
        return JSON.map(LogType.EVENT, "page", record);
    }

    @Test
    void everyCharacterIsWrittenAsJacksonWritesItInValuesAndNames() {
        for (int from = 0; from <= 0xFFFF; from += 512) {
            StringBuilder chars = new StringBuilder();
            for (int c = from; c < from + 512; c++) {
                chars.append((char) c).append('a');
            }
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("value", chars.toString());
            record.put(chars.toString(), "name");
            record.put("single " + from, String.valueOf((char) from));
            assertThat(mapped(record)).as("characters from %04X", from).isEqualTo(JACKSON.writeValueAsString(record));
        }
    }

    @Test
    void controlCharactersUseTheShortEscapesOrUpperCaseHex() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("k\"\\", "\b\t\n\f\r\u0000\u001f\u000b\"\\/\u007f\u2028é中𝄞");
        assertThat(mapped(record)).isEqualTo(
                "{\"k\\\"\\\\\":\"\\b\\t\\n\\f\\r\\u0000\\u001F\\u000B\\\"\\\\/\u007f\u2028é中𝄞\"}");
    }

    @Test
    void loneSurrogatesAndSurrogatePairsPassAsTheyAre() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("pair", "𝄞");
        record.put("high", "a\ud834b");
        record.put("low", "\udd1e");
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record)).contains("a\ud834b", "\"\udd1e\"");
    }

    @Test
    void numbersBooleansAndNullAreWrittenAsJacksonWritesThem() {
        SplittableRandom random = new SplittableRandom(20261129);
        Map<String, Object> record = new LinkedHashMap<>();
        List<Object> special = List.of(0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0L, Long.MIN_VALUE, Long.MAX_VALUE,
                0.0, -0.0, 1.0, 0.1, 1e-7, 1e7, 1.0e23, 2e-323, Double.MIN_VALUE, Double.MAX_VALUE, Double.NaN,
                Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, new BigInteger("18446744073709551615"),
                new BigInteger("-123456789012345678901234567890"), new BigDecimal("1E+3"), new BigDecimal("0.000"),
                1.5f, Float.NaN, (short) 7, (byte) -3, true, false);
        for (int i = 0; i < special.size(); i++) {
            record.put("special" + i, special.get(i));
        }
        record.put("null", null);
        for (int i = 0; i < 2000; i++) {
            record.put("bits" + i, Double.longBitsToDouble(random.nextLong()));
            record.put("decimal" + i, random.nextInt(1_000_000) / Math.pow(10, random.nextInt(12)));
            record.put("long" + i, random.nextLong());
        }
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record));
    }

    @Test
    void nestedMapsAndListsAreWrittenInTheirOrder() {
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("z", 1);
        inner.put("a\n", List.of("x", 2.5, Map.of()));
        inner.put("n", null);
        List<Object> withNull = new ArrayList<>(Arrays.asList(null, true, List.of()));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("inner", inner);
        record.put("list", withNull);
        record.put("deep", nest(200));
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record)).startsWith("{\"inner\":{\"z\":1,\"a\\n\":[\"x\",2.5,{}],\"n\":null},");
    }

    @Test
    void otherValuesAndMapsWithKeysThatAreNotTextAreLeftToJackson() {
        Map<Object, Object> numberKeys = new TreeMap<>(Map.of(2, "two", 1, "one"));
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("numberKeys", numberKeys);
        record.put("nestedNumberKeys", Map.of("k", List.of(numberKeys)));
        record.put("set", new LinkedHashSet<>(List.of("b", "a")));
        record.put("array", new int[] {1, 2});
        record.put("optional", Optional.empty());
        record.put("float", 100.0f);
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record))
                .contains("\"numberKeys\":{\"1\":\"one\",\"2\":\"two\"}", "\"set\":[\"b\",\"a\"]");
    }

    @Test
    void aValueJacksonCannotWriteMakesTheRecordUnmappable() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("ok", "fine");
        record.put("bean", new FailingBean());
        assertThatThrownBy(() -> mapped(record)).isInstanceOf(LogMappingException.class)
                .hasMessage("the record cannot be written as JSON: no value");
        assertThat(mapped(Map.of("next", "record"))).isEqualTo("{\"next\":\"record\"}");
    }

    @Test
    void selectedFieldsAreWrittenAsTheWholeRecordWouldBe() {
        String text = "{\"json\": {\"alerts\": {\"dlp\": [\"a\\\"b\", \"é\", \"n\", \"absent\", \"num\"]}}}";
        LogMapper selected = CompiledLogMappers.compile(
                new MappingFile("t", "json", false, text, MappingFileParser.parse(text), null, null, "1"), LogFormat.JSON);
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("num", 1.0e23);
        record.put("n", null);
        record.put("é", "\u0001");
        record.put("a\"b", List.of(Map.of("k", "v")));
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("a\"b", record.get("a\"b"));
        expected.put("é", "\u0001");
        expected.put("num", 1.0e23);
        assertThat(selected.map(LogType.ALERT, "dlp", record)).isEqualTo(JACKSON.writeValueAsString(expected));
    }

    @Test
    void manyDistinctNamesAreStillWrittenRight() {
        Map<String, Object> record = new LinkedHashMap<>();
        for (int i = 0; i < 10_000; i++) {
            record.put("name \"" + i + "\"\t", i);
        }
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record));
        assertThat(mapped(record)).isEqualTo(JACKSON.writeValueAsString(record));
    }

    /** Jackson's data binding reads its property and fails. */
    public static final class FailingBean {
        public String getValue() {
            throw new IllegalStateException("no value");
        }
    }

    private static Map<String, Object> nest(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("leaf", depth);
        for (int i = 0; i < depth; i++) {
            Map<String, Object> outer = new LinkedHashMap<>();
            outer.put("d" + i, i % 2 == 0 ? map : List.of(map));
            map = outer;
        }
        return map;
    }
}

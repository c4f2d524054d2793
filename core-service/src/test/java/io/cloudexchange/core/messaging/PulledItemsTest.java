package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.json.JsonObjectText;
import io.cloudexchange.plugin.api.log.Alert;
import io.cloudexchange.plugin.api.log.Event;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

class PulledItemsTest {

    private static final TypeReference<Map<String, Object>> ITEM = new TypeReference<>() { };
    private final JsonMapper json = JsonMapper.builder().build();

    private final List<Object> records = List.of(
            new Event("e1", "page", "alice@example.com", Instant.parse("2026-01-02T03:04:05Z"),
                    raw("_id", "e1", "url", "https://example.com/a\"b", "count", 3, "nested", Map.of("k", List.of(1, 2)))),
            new Alert("a1", "DLP rule", "dlp", "Box", "Storage", "bob", Instant.parse("2026-01-02T03:04:06Z"), raw("_id", "a1", "dlp_rule", "PCI")));

    @Test
    void aBatchIsWrittenAsIfItsItemsHadBeenConvertedToMaps() {
        List<Map<String, Object>> maps = records.stream().map(record -> json.convertValue(record, ITEM)).toList();
        BatchMessage converted = batch(maps);
        BatchMessage pulled = batch(PulledItems.of(records, json));

        assertThat(new String(new BatchMessageCodec(json).encode(pulled).getBody()))
                .isEqualTo(new String(new BatchMessageCodec(json).encode(converted).getBody()));
    }

    @Test
    void aRecordKeptAsItsJsonTextIsWrittenAsThatTextMeaningWhatItsMapWouldHave() {
        JsonMapper withModule = JsonMapper.builder().addModule(new JsonObjectTextModule()).build();
        String text = "{\"_id\":\"e1\", \"url\":\"https://example.com/a\\\"b\\u00e9\",\"count\":3,"
                + "\"nested\":{\"k\":[1,2.5,null,true]},\"big\":\"18446744073709551615\"}";
        Map<String, Object> map = withModule.readValue(text, ITEM);
        Instant at = Instant.parse("2026-01-02T03:04:05Z");
        List<Object> asText = List.of(new Event("e1", "page", "alice", at,
                JsonObjectText.of(text.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        json -> withModule.readValue(json, ITEM))));
        List<Object> asMap = List.of(new Event("e1", "page", "alice", at, map));

        String written = new String(new BatchMessageCodec(withModule).encode(batch(PulledItems.of(asText, withModule)))
                .getBody());
        String expected = new String(new BatchMessageCodec(withModule).encode(batch(PulledItems.of(asMap, withModule)))
                .getBody());

        assertThat(written).contains(text);
        assertThat(withModule.readTree(written)).isEqualTo(withModule.readTree(expected));
        assertThat(PulledItems.of(asText, withModule).get(0)).isEqualTo(PulledItems.of(asMap, withModule).get(0));
    }

    @Test
    void readInProcessTheItemsAreTheirMaps() {
        List<Map<String, Object>> items = PulledItems.of(records, json);

        assertThat(items).hasSize(2);
        assertThat(items.get(0)).containsEntry("id", "e1").containsEntry("eventType", "page");
        assertThat(items).isEqualTo(records.stream().map(record -> json.convertValue(record, ITEM)).toList());
    }

    private static BatchMessage batch(List<Map<String, Object>> items) {
        return new BatchMessage("b1", PlatformModule.CLS, "c1", "p1", "event:page", BatchMessage.Kind.LOGS,
                Instant.parse("2026-01-02T03:04:07Z"), items);
    }

    private static Map<String, Object> raw(Object... pairs) {
        Map<String, Object> raw = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            raw.put((String) pairs[i], pairs[i + 1]);
        }
        return raw;
    }
}

package io.cloudexchange.core.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformModule;
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

package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonLogMapperTest {

    private static final String FILE = "{\"json\": {\"alerts\": {\"DLP\": [\"_id\", \"user\", \"missing\", \"nested\"]}, "
            + "\"events\": {\"page\": []}}}";
    private final LogMapper json = CompiledLogMappers.compile(
            new MappingFile("t", "json", false, FILE, MappingFileParser.parse(FILE), null, null, "1"), LogFormat.JSON);

    private static Map<String, Object> record() {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("_id", "a\"b");
        r.put("user", "zoë\n中文𝄞");
        r.put("cci", 77L);
        r.put("transaction_id", new BigInteger("18446744073709551615"));
        r.put("nested", Map.of("k", List.of(1L, "x")));
        return r;
    }

    @Test
    void anEmptyListSendsTheWholeRecordAsIs() {
        String out = json.map(LogType.EVENT, "page", record());
        assertThat(out).isEqualTo("{\"_id\":\"a\\\"b\",\"user\":\"zoë\\n中文𝄞\",\"cci\":77,"
                + "\"transaction_id\":18446744073709551615,\"nested\":{\"k\":[1,\"x\"]}}");
        assertThat(JsonMapper.builder().build().readTree(out).get("user").asString()).isEqualTo("zoë\n中文𝄞");
    }

    @Test
    void aListSendsOnlyTheListedFieldsThatExistInListOrder() {
        assertThat(json.map(LogType.ALERT, "dlp", record()))
                .isEqualTo("{\"_id\":\"a\\\"b\",\"user\":\"zoë\\n中文𝄞\",\"nested\":{\"k\":[1,\"x\"]}}");
    }

    @Test
    void aSubtypeTheFileDoesNotListCannotBeMapped() {
        assertThatThrownBy(() -> json.map(LogType.ALERT, "malware", record())).isInstanceOf(LogMappingException.class)
                .hasMessage("mapping file 'json' has no JSON mapping for alerts 'malware'");
    }
}

package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LeefLogMapperTest {

    private static String file(String versionAndDelimiter) {
        return """
                {%s, "taxonomy": {"events": {"page": {
                   "header": {"Vendor": {"default_value": "Net|skope"}, "Product": {"default_value": "P"},
                              "Version": {"default_value": "1.0"}, "EventID": {"mapping_field": "type"}},
                   "extension": {"usrName": {"mapping_field": "user"}, "src": {"mapping_field": "srcip", "transformation": "IP Address"},
                                 "sev": {"mapping_field": "severity", "default_value": "1"},
                                 "devTime": {"mapping_field": "timestamp", "transformation": "DateTime"},
                                 "msg": {"mapping_field": "message"}}}}}}
                """.formatted(versionAndDelimiter);
    }

    private static LogMapper mapper(String versionAndDelimiter) {
        String text = file(versionAndDelimiter);
        return CompiledLogMappers.compile(new MappingFile("t", "leef", false, text, MappingFileParser.parse(text), null, null, "1"),
                LogFormat.LEEF);
    }

    private static Map<String, Object> record(String message) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", "connection");
        r.put("user", "zoë@acme.example");
        r.put("srcip", "10.0.0.1");
        r.put("severity", "high");
        r.put("timestamp", 1_764_410_877L);
        r.put("message", message);
        return r;
    }

    @Test
    void leef1SeparatesAttributesWithTabsInFileOrder() {
        assertThat(mapper("\"leef_version\": \"1.0\"").map(LogType.EVENT, "page", record("hi")))
                .isEqualTo("LEEF:1.0|Net\\|skope|P|1.0|connection|usrName=zoë@acme.example\tsrc=10.0.0.1\tsev=8"
                        + "\tdevTime=2025-11-29T10:07:57Z\tmsg=hi");
    }

    @Test
    void leef2AnnouncesAPrintableDelimiterAsItself() {
        assertThat(mapper("\"leef_version\": \"2.0\", \"leef_delimiter\": \"^\"").map(LogType.EVENT, "page", record("hi")))
                .isEqualTo("LEEF:2.0|Net\\|skope|P|1.0|connection|^|usrName=zoë@acme.example^src=10.0.0.1^sev=8"
                        + "^devTime=2025-11-29T10:07:57Z^msg=hi");
    }

    @Test
    void leef2AnnouncesOtherDelimitersInHex() {
        assertThat(mapper("\"leef_version\": \"2.0\", \"leef_delimiter\": \"0x09\"").map(LogType.EVENT, "page", record("hi")))
                .startsWith("LEEF:2.0|Net\\|skope|P|1.0|connection|x09|usrName=zoë@acme.example\tsrc=");
        assertThat(mapper("\"leef_version\": \"2.0\"").map(LogType.EVENT, "page", record("hi")))
                .startsWith("LEEF:2.0|Net\\|skope|P|1.0|connection|x09|usrName=");
        assertThat(mapper("\"leef_version\": \"2.0\", \"leef_delimiter\": \"|\"").map(LogType.EVENT, "page", record("hi")))
                .startsWith("LEEF:2.0|Net\\|skope|P|1.0|connection|x7C|usrName=zoë@acme.example|src=");
    }

    @Test
    void valuesEscapeBackslashTheDelimiterAndLineBreaks() {
        assertThat(mapper("\"leef_version\": \"2.0\", \"leef_delimiter\": \"^\"").map(LogType.EVENT, "page",
                record("a^b\\c\nd\re=f\tg")))
                .endsWith("^msg=a\\^b\\\\c\\nd\\re=f\tg");
        assertThat(mapper("\"leef_version\": \"1.0\"").map(LogType.EVENT, "page", record("a\tb^c")))
                .endsWith("\tmsg=a\\\tb^c");
    }
}

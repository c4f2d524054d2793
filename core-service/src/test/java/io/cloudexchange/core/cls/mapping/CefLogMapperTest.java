package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CefLogMapperTest {

    static final String FILE = """
            {"cef_version": "0", "taxonomy": {"alerts": {"dlp": {
               "header": {"Device Vendor": {"default_value": "Net|skope"}, "Device Product": {"mapping_field": "product", "default_value": "P"},
                          "Device Version": {"default_value": "1.0"}, "Device Event Class ID": {"mapping_field": "alert_type"},
                          "Name": {"mapping_field": "alert_name"}, "Severity": {"mapping_field": "severity", "default_value": "unknown"}},
               "extension": {"suser": {"mapping_field": "user"}, "src": {"mapping_field": "srcip", "transformation": "IP Address"},
                             "cnt": {"mapping_field": "count", "default_value": "1", "transformation": "Integer"},
                             "act": {"mapping_field": "action"}, "cs1": {"mapping_field": "nested.policy.name"},
                             "cs1Label": {"default_value": "policy"}, "rt": {"mapping_field": "timestamp", "transformation": "Time Stamp"},
                             "msg": {"mapping_field": "message"}}}}}}
            """;

    private final LogMapper cef = mapper(FILE);

    static LogMapper mapper(String text) {
        MappingFile file = new MappingFile("t", "test file", false, text, MappingFileParser.parse(text), null, null, "1");
        return CompiledLogMappers.compile(file, LogFormat.CEF);
    }

    private static Map<String, Object> record() {
        Map<String, Object> r = new HashMap<>();
        r.put("alert_type", "DLP");
        r.put("alert_name", "Credit cards");
        r.put("severity", "high");
        r.put("user", "alice@acme.example");
        r.put("srcip", "10.0.0.1");
        r.put("action", "block");
        r.put("timestamp", 1_764_410_877L);
        return r;
    }

    @Test
    void writesHeaderInOrderAndExtensionKeysSorted() {
        assertThat(cef.map(LogType.ALERT, "dlp", record())).isEqualTo(
                "CEF:0|Net\\|skope|P|1.0|DLP|Credit cards|8|act=block cnt=1 cs1Label=policy rt=1764410877 src=10.0.0.1 "
                        + "suser=alice@acme.example");
    }

    @Test
    void headerEscapesBackslashAndPipeButNotEquals() {
        Map<String, Object> r = record();
        r.put("alert_name", "a\\b|c=d");
        assertThat(cef.map(LogType.ALERT, "dlp", r)).contains("|a\\\\b\\|c=d|");
    }

    @Test
    void headerCannotSpanLines() {
        Map<String, Object> r = record();
        r.put("alert_name", "two\nlines\r");
        assertThat(cef.map(LogType.ALERT, "dlp", r)).contains("|two lines |");
    }

    @Test
    void extensionEscapesBackslashEqualsNewlineAndCarriageReturnButNotPipe() {
        Map<String, Object> r = record();
        r.put("message", "a=b\\c|d\ne\rf g");
        assertThat(cef.map(LogType.ALERT, "dlp", r)).contains(" msg=a\\=b\\\\c|d\\ne\\rf g ");
    }

    @Test
    void severityWordsAndNumbersBecomeZeroToTen() {
        Map<String, String> expected = Map.of("low", "3", "medium", "5", "high", "8", "critical", "10", "unknown", "0",
                "7", "7", "informational", "1", "Very-High", "10");
        expected.forEach((word, score) -> {
            Map<String, Object> r = record();
            r.put("severity", word);
            assertThat(cef.map(LogType.ALERT, "dlp", r)).as(word).contains("|Credit cards|" + score + "|");
        });
    }

    private static Map<String, Object> recordWithBadValues() {
        Map<String, Object> r = record();
        r.put("count", "many");
        r.put("srcip", "not-an-ip");
        r.put("severity", "apocalyptic");
        return r;
    }

    @Test
    void aValueFailingItsTransformationGetsTheDefaultOrIsLeftOutAndIsReported() {
        Map<String, Object> r = recordWithBadValues();
        List<String> problems = new ArrayList<>();
        String line = cef.map(LogType.ALERT, "dlp", r, (target, problem) -> problems.add(target + ": " + problem));
        assertThat(line).contains("|Credit cards|0|").contains("cnt=1").doesNotContain("src=");
        assertThat(problems).containsExactlyInAnyOrder(
                "Severity: field 'severity': 'apocalyptic' is not a severity; expected 0-10 or unknown, informational, low, "
                        + "medium, high, very-high, critical (transformation 'String'); sent default_value '0'",
                "cnt: field 'count': 'many' is not a valid Integer (transformation 'Integer'); sent default_value '1'",
                "src: field 'srcip': 'not-an-ip' is not a valid IP Address (transformation 'IP Address'); key left out");
    }

    @Test
    void missingOrEmptyFieldsGetTheDefaultOrAreLeftOut() {
        Map<String, Object> r = record();
        r.put("user", "");
        r.remove("action");
        r.put("product", "");
        assertThat(cef.map(LogType.ALERT, "dlp", r)).startsWith("CEF:0|Net\\|skope|P|").doesNotContain("suser=", "act=");
    }

    @Test
    void readsDottedPathsIntoNestedObjects() {
        Map<String, Object> r = record();
        r.put("nested", Map.of("policy", Map.of("name", "Block uploads")));
        assertThat(cef.map(LogType.ALERT, "dlp", r)).contains("cs1=Block uploads");
    }

    @Test
    void subtypesAreFoundIgnoringCaseAndSpaces() {
        assertThat(cef.map(LogType.ALERT, "DLP", record())).startsWith("CEF:0|");
    }

    @Test
    void aRecordThatCannotBeMappedThrows() {
        assertThatThrownBy(() -> cef.map(LogType.ALERT, "malware", record())).isInstanceOf(LogMappingException.class)
                .hasMessage("mapping file 'test file' has no CEF mapping for alerts 'malware'");
        assertThatThrownBy(() -> cef.map(LogType.EVENT, "dlp", record())).isInstanceOf(LogMappingException.class)
                .hasMessage("mapping file 'test file' has no CEF mapping for events 'dlp'");
        Map<String, Object> noName = record();
        noName.remove("alert_name");
        assertThatThrownBy(() -> cef.map(LogType.ALERT, "dlp", noName)).isInstanceOf(LogMappingException.class)
                .hasMessageContaining("CEF header 'Name' has no value");
        assertThatThrownBy(() -> cef.map(LogType.ALERT, "dlp", null)).isInstanceOf(LogMappingException.class);
    }

    @Test
    void numbersAreWrittenAsTheSourceMeantThem() {
        Map<String, Object> r = new LinkedHashMap<>(record());
        r.put("count", 12.0);
        r.put("message", 1.5e20);
        assertThat(cef.map(LogType.ALERT, "dlp", r)).contains("cnt=12 ").contains("msg=150000000000000000000 ");
    }

    @Test
    void problemsAreReportedInTheOrderOfTheLine() {
        Map<String, Object> r = recordWithBadValues();
        r.put("timestamp", "yesterday");
        List<String> targets = new ArrayList<>();
        cef.map(LogType.ALERT, "dlp", r, (target, problem) -> targets.add(target));
        assertThat(targets).containsExactly("Severity", "cnt", "rt", "src");
    }

    @Test
    void aRecordsValuesNeverReachTheNextRecord() {
        Map<String, Object> full = record();
        full.put("message", "first");
        full.put("nested", Map.of("policy", Map.of("name", "P1")));
        assertThat(cef.map(LogType.ALERT, "dlp", full)).contains("msg=first", "cs1=P1");

        Map<String, Object> noName = record();
        noName.remove("alert_name");
        assertThatThrownBy(() -> cef.map(LogType.ALERT, "dlp", noName)).isInstanceOf(LogMappingException.class);

        Map<String, Object> sparse = new HashMap<>();
        sparse.put("alert_type", "T");
        sparse.put("alert_name", "only a name");
        assertThat(cef.map(LogType.ALERT, "dlp", sparse))
                .isEqualTo("CEF:0|Net\\|skope|P|1.0|T|only a name|0|cnt=1 cs1Label=policy");
    }
}

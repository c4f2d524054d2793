package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MappingFileParserTest {

    private static final String HEADER = """
            "header": {"Device Vendor": {"default_value": "Netskope"}, "Device Product": {"default_value": "P"},
                       "Device Version": {"default_value": "1"}, "Device Event Class ID": {"mapping_field": "alert_type"},
                       "Name": {"mapping_field": "alert_name"}, "Severity": {"mapping_field": "severity", "default_value": "low"}}""";

    private static Map<String, String> errorsOf(String text) {
        return catchThrowableOfType(InvalidMappingFileException.class, () -> MappingFileParser.parse(text)).errors();
    }

    @Test
    void readsACeStyleFile() {
        MappingDefinition definition = MappingFileParser.parse("""
                {"delimiter": "|", "cef_version": "0", "syslog_map_version": "1.0.0", "validator": "valid_extensions.csv",
                 "taxonomy": {"alerts": {"Compromised Credential": {%s,
                    "extension": {"src": {"mapping_field": "srcip", "transformation": "IP Address"},
                                  "cs1Label": {"default_value": "policy", "transformation": "String"}}}}},
                 "json": {"events": {"page": ["_id", "user"]}}}
                """.formatted(HEADER));
        assertThat(definition.formats()).containsExactlyInAnyOrder(LogFormat.CEF, LogFormat.JSON);
        SubtypeMapping mapping = definition.taxonomy(LogType.ALERT, "compromisedcredential");
        assertThat(mapping.extension()).containsExactly(
                new FieldMapping("src", "srcip", null, Transformation.IP_ADDRESS),
                new FieldMapping("cs1Label", null, "policy", Transformation.STRING));
        assertThat(definition.json().get(LogType.EVENT).get("page")).containsExactly("_id", "user");
    }

    @Test
    void namesEveryProblemByItsJsonPath() {
        Map<String, String> errors = errorsOf("""
                {"cef_version": "2", "taxonmy": {},
                 "taxonomy": {"alerts": {"dlp": {%s,
                    "extension": {"src": {"mapping_field": "srcip", "transformation": "Float"},
                                  "bad key": {"mapping_field": "x"},
                                  "cnt": {"mapping_field": "n", "default_value": "many", "transformation": "Integer"},
                                  "empty": {"transformation": "String"},
                                  "jp": {"mapping_field": "$.a", "is_json_path": true},
                                  "typo": {"mapping_feild": "x", "default_value": "y"}}}},
                              "webtx": {}},
                 "json": {"events": {"page": "all", "audit": ["ok", 3]}}}
                """.formatted(HEADER));
        assertThat(errors).containsEntry("cef_version", "must be one of 0, 1")
                .containsEntry("taxonmy", "unknown key; expected one of delimiter, cef_version, leef_version, leef_delimiter, taxonomy, json")
                .containsEntry("taxonomy.alerts.dlp.extension.src.transformation",
                        "unknown transformation 'Float'; expected one of 'String', 'Integer', 'Floating Point', "
                                + "'Time Stamp', 'DateTime', 'IP Address', 'MAC Address'")
                .containsEntry("taxonomy.alerts.dlp.extension.bad key", "a CEF extension key must be letters, digits and '_' only")
                .containsEntry("taxonomy.alerts.dlp.extension.cnt.default_value",
                        "'many' is not a valid Integer (transformation 'Integer')")
                .containsEntry("taxonomy.alerts.dlp.extension.empty", "needs a mapping_field or a default_value")
                .containsEntry("taxonomy.alerts.dlp.extension.jp.is_json_path",
                        "JSONPath is not supported; use a dotted path such as 'a.b' in mapping_field")
                .containsEntry("taxonomy.alerts.dlp.extension.typo.mapping_feild",
                        "unknown key; expected mapping_field, default_value, transformation")
                .containsEntry("taxonomy.webtx", "unknown log type; expected alerts or events")
                .containsEntry("json.events.page", "must be a list of field names ([] sends every field)")
                .containsEntry("json.events.audit[1]", "must be a field name");
    }

    @Test
    void headersMustBeCompleteAndKnown() {
        Map<String, String> errors = errorsOf("""
                {"cef_version": 0, "taxonomy": {"events": {"page": {
                   "header": {"Device Vendor": {"default_value": "N"}, "Vendor": {"default_value": "N"},
                              "Severity": {"mapping_field": "severity", "default_value": "dreadful"}},
                   "extension": {}}}}}
                """);
        assertThat(errors).containsEntry("taxonomy.events.page.header.Vendor",
                        "unknown header; expected one of Device Vendor, Device Product, Device Version, Device Event Class ID, Name, Severity")
                .containsEntry("taxonomy.events.page.header.Device Product", "is required")
                .containsEntry("taxonomy.events.page.header.Name", "is required")
                .containsKey("taxonomy.events.page.header.Severity.default_value");
        assertThat(errors.get("taxonomy.events.page.header.Severity.default_value")).startsWith("'dreadful' is not a severity");
    }

    @Test
    void subtypeSpellingsThatMeanTheSameAreRefused() {
        Map<String, String> errors = errorsOf("{\"json\": {\"alerts\": {\"Legal Hold\": [], \"legalhold\": []}}}");
        assertThat(errors).containsOnlyKeys("json.alerts.legalhold");
    }

    @Test
    void leefFilesUseLeefHeadersAndADelimiter() {
        MappingDefinition definition = MappingFileParser.parse("""
                {"leef_version": "2.0", "leef_delimiter": "x09", "taxonomy": {"events": {"page": {
                   "header": {"Vendor": {"default_value": "N"}, "Product": {"default_value": "P"},
                              "Version": {"default_value": "1"}, "EventID": {"mapping_field": "type"}},
                   "extension": {"usrName": {"mapping_field": "user"}}}}}}
                """);
        assertThat(definition.formats()).containsExactly(LogFormat.LEEF);
        assertThat(definition.leefDelimiter()).isEqualTo('\t');

        assertThat(errorsOf("{\"leef_version\": \"1.0\", \"leef_delimiter\": \"^\", \"json\": {}}"))
                .containsEntry("leef_delimiter", "is only used with leef_version 2.0 (LEEF 1.0 always uses TAB)");
        assertThat(errorsOf("{\"leef_version\": \"2.0\", \"leef_delimiter\": \"0xZZ\"}"))
                .containsEntry("leef_delimiter", "'0xZZ' is not a hex character code such as x09 or 0x5E");
        assertThat(errorsOf("{\"cef_version\": \"0\", \"leef_version\": \"2.0\", \"taxonomy\": {}}"))
                .containsEntry("leef_version", "a file maps its taxonomy to CEF or to LEEF, not both");
    }

    @Test
    void refusesMalformedJsonAndFilesWithoutAFormat() {
        assertThat(errorsOf("{\"json\": ")).containsOnlyKeys("");
        assertThat(errorsOf("{\"json\": ")).extractingByKey("").asString().startsWith("is not valid JSON at line 1, column");
        assertThat(errorsOf("{\"a\": 1, \"a\": 2}").get("")).contains("Duplicate").contains("\"a\"");
        assertThat(errorsOf("[]")).containsEntry("", "must be a JSON object");
        assertThat(errorsOf("{}")).containsEntry("",
                "defines no format: add a taxonomy (with cef_version or leef_version) or a json section");
        assertThat(errorsOf("{\"taxonomy\": {}}"))
                .containsEntry("taxonomy", "needs cef_version or leef_version to say which format it maps to");
    }
}

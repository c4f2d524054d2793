package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every character through the CEF and LEEF escaping, against the rules written out one by one. */
class EscapingTest {

    /** All of Latin-1 and beyond, the surrogates (paired and alone), and the last character. */
    private static final List<String> CHARACTERS = characters();

    private static List<String> characters() {
        List<String> all = new java.util.ArrayList<>();
        for (char c = 0; c < 0x800; c++) {
            all.add(String.valueOf(c));
        }
        all.addAll(List.of("\u2028", "\u2016", "中", "𝄞", "\ud834", "\udd1e", "\uffff"));
        return all;
    }

    private static String headerRule(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
    }

    private static String attributeRule(String value, char special) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            out.append(switch (c) {
                case '\\' -> "\\\\";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> c == special ? "\\" + c : String.valueOf(c);
            });
        }
        return out.toString();
    }

    @Test
    void headerAndAttributeRulesForEachCharacterAloneAndAmongOthers() {
        for (String c : CHARACTERS) {
            for (String value : List.of(c, "ab" + c, c + "cd", "a" + c + c + "b\\|=\t\n\r^" + c)) {
                StringBuilder header = new StringBuilder("x");
                Escaping.header(header, value);
                assertThat(header.toString()).as("header %s", value).isEqualTo("x" + headerRule(value));
                for (char special : new char[] {'=', '\t', '^', '|', '\u2016'}) {
                    StringBuilder attribute = new StringBuilder("y");
                    Escaping.attribute(attribute, value, special);
                    assertThat(attribute.toString()).as("attribute %s with %s", value, special)
                            .isEqualTo("y" + attributeRule(value, special));
                }
            }
        }
    }

    @Test
    void cefLinesEscapeEveryCharacterByItsRule() {
        LogMapper cef = CefLogMapperTest.mapper(CefLogMapperTest.FILE);
        for (String c : CHARACTERS) {
            String value = "<" + c + ">";
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("alert_type", value);
            record.put("alert_name", "n");
            record.put("severity", "low");
            record.put("message", value);
            assertThat(cef.map(LogType.ALERT, "dlp", record)).as("U+%04X", (int) c.charAt(0))
                    .isEqualTo("CEF:0|Net\\|skope|P|1.0|" + headerRule(value) + "|n|3|cnt=1 cs1Label=policy msg="
                            + attributeRule(value, '='));
        }
    }

    @Test
    void leefLinesEscapeEveryCharacterByItsRuleWhateverTheDelimiter() {
        for (String delimiter : List.of("x09", "^", "|", "x2016")) {
            String text = """
                    {"leef_version": "2.0", "leef_delimiter": "%s", "taxonomy": {"events": {"page": {
                       "header": {"Vendor": {"default_value": "V"}, "Product": {"default_value": "P"},
                                  "Version": {"default_value": "1"}, "EventID": {"mapping_field": "type"}},
                       "extension": {"msg": {"mapping_field": "message"}, "cat": {"default_value": "c"}}}}}}
                    """.formatted(delimiter);
            MappingDefinition definition = MappingFileParser.parse(text);
            LogMapper leef = CompiledLogMappers.compile(new MappingFile("t", "leef", false, text, definition, null, null, "1"),
                    LogFormat.LEEF);
            char separator = definition.leefDelimiter();
            String announced = LeefDelimiters.headerText(separator);
            for (String c : CHARACTERS) {
                String value = "<" + c + ">";
                Map<String, Object> record = new LinkedHashMap<>();
                record.put("type", value);
                record.put("message", value);
                assertThat(leef.map(LogType.EVENT, "page", record)).as("U+%04X with %s", (int) c.charAt(0), delimiter)
                        .isEqualTo("LEEF:2.0|V|P|1|" + headerRule(value) + "|" + announced + "|msg="
                                + attributeRule(value, separator) + separator + "cat=c");
            }
        }
        assertThat(LeefDelimiters.headerText('\u2016')).isEqualTo("x2016");
    }
}

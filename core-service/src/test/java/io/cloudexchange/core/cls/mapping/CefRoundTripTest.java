package io.cloudexchange.core.cls.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Property: whatever the values (CEF's special characters, spaces, unicode, surrogate pairs), an
 * independent CEF reader written from the specification gets back the header and extension values the
 * mapper was given.
 */
class CefRoundTripTest {

    private static final String ALPHABET = "ab Z09|\\=\n\r\t éü中文𝄞-_.:/ ";
    private static final LogMapper CEF = CefLogMapperTest.mapper(CefLogMapperTest.FILE);

    @RepeatedTest(200)
    void anIndependentReaderGetsBackEveryValue(RepetitionInfo repetition) {
        SplittableRandom random = new SplittableRandom(repetition.getCurrentRepetition() * 7919L);
        Map<String, Object> r = new HashMap<>();
        r.put("alert_type", "T" + text(random));
        r.put("alert_name", text(random) + "N");
        r.put("severity", "medium");
        r.put("user", text(random));
        r.put("action", text(random));
        r.put("message", text(random));
        r.put("nested", Map.of("policy", Map.of("name", text(random))));

        Parsed parsed = parse(CEF.map(LogType.ALERT, "dlp", r));

        assertThat(parsed.header).containsExactly("0", "Net|skope", "P", "1.0", headerText(r.get("alert_type")),
                headerText(r.get("alert_name")), "5");
        Map<String, String> expected = new LinkedHashMap<>();
        putIfNotEmpty(expected, "act", r.get("action"));
        expected.put("cnt", "1");
        putIfNotEmpty(expected, "cs1", ((Map<?, ?>) ((Map<?, ?>) r.get("nested")).get("policy")).get("name"));
        expected.put("cs1Label", "policy");
        putIfNotEmpty(expected, "msg", r.get("message"));
        putIfNotEmpty(expected, "suser", r.get("user"));
        assertThat(parsed.extension).containsExactlyInAnyOrderEntriesOf(expected);
    }

    private static void putIfNotEmpty(Map<String, String> map, String key, Object value) {
        if (!value.toString().isEmpty()) {
            map.put(key, value.toString());
        }
    }

    /** Header values cannot hold line breaks: the mapper turns them into spaces. */
    private static String headerText(Object value) {
        return value.toString().replace('\n', ' ').replace('\r', ' ');
    }

    private static String text(SplittableRandom random) {
        int length = random.nextInt(12);
        StringBuilder out = new StringBuilder();
        int[] codePoints = ALPHABET.codePoints().toArray();
        for (int i = 0; i < length; i++) {
            out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
        }
        if (length > 0 && random.nextBoolean()) {
            out.append(' ').append("x=y");
        }
        return out.toString();
    }

    record Parsed(List<String> header, Map<String, String> extension) {
    }

    /**
     * A CEF reader following the specification: seven header fields split on unescaped '|', then the
     * extension split at each unescaped '=' whose preceding token (after the last space) is the next key.
     */
    static Parsed parse(String line) {
        assertThat(line).startsWith("CEF:").doesNotContain("\n", "\r");
        List<String> header = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 4;
        while (header.size() < 7) {
            char c = line.charAt(i++);
            if (c == '\\') {
                char next = line.charAt(i++);
                assertThat(next).as("header escape").isIn('\\', '|');
                field.append(next);
            } else if (c == '|') {
                header.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        String extension = line.substring(i);
        List<int[]> separators = new ArrayList<>();
        for (int j = 0; j < extension.length(); j++) {
            char c = extension.charAt(j);
            if (c == '\\') {
                j++;
            } else if (c == '=') {
                int keyStart = extension.lastIndexOf(' ', j) + 1;
                separators.add(new int[] {keyStart, j});
            }
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 0; k < separators.size(); k++) {
            int[] separator = separators.get(k);
            String key = extension.substring(separator[0], separator[1]);
            int valueEnd = k + 1 < separators.size() ? separators.get(k + 1)[0] - 1 : extension.length();
            values.put(key, unescapeExtension(extension.substring(separator[1] + 1, valueEnd)));
        }
        return new Parsed(header, values);
    }

    private static String unescapeExtension(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                char next = value.charAt(++i);
                out.append(switch (next) {
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case '\\', '=' -> next;
                    default -> throw new AssertionError("unknown extension escape \\" + next + " in " + value);
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}

package io.cloudexchange.core.cls.mapping;

import java.util.Locale;
import java.util.Map;

/**
 * CEF {@code Severity} and LEEF {@code sev} are 0-10. Netskope sends words ({@code low} ... {@code critical});
 * CE's levels are Unknown 0, Low 0-3, Medium 4-6, High 7-8, Very-High 9-10.
 */
final class Severities {

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("unknown", 0), Map.entry("informational", 1), Map.entry("info", 1), Map.entry("low", 3),
            Map.entry("medium", 5), Map.entry("high", 8), Map.entry("very-high", 10), Map.entry("very high", 10),
            Map.entry("critical", 10));

    private Severities() {
    }

    static int score(Object value) {
        if (value instanceof Long || value instanceof Integer) {
            long number = ((Number) value).longValue();
            if (number >= 0 && number <= 10) {
                return (int) number;
            }
        } else {
            String text = Transformation.text(value).strip();
            Integer word = WORDS.get(text.toLowerCase(Locale.ROOT));
            if (word != null) {
                return word;
            }
            if (text.length() <= 2 && !text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
                int number = Integer.parseInt(text);
                if (number <= 10) {
                    return number;
                }
            }
        }
        throw new IllegalArgumentException("'" + Transformation.text(value)
                + "' is not a severity; expected 0-10 or unknown, informational, low, medium, high, very-high, critical");
    }
}

package io.cloudexchange.plugin.api.config;

import java.util.Collection;
import java.util.Optional;

/** Type, range, length and choice checks for one non-empty value. */
final class FieldChecks {

    private FieldChecks() {
    }

    static Optional<String> check(ConfigField field, Object value) {
        return switch (field.type()) {
            case TEXT, PASSWORD, TEXTAREA -> checkText(field, value);
            case NUMBER -> checkNumber(field, value);
            case BOOLEAN -> value instanceof Boolean ? Optional.empty() : Optional.of("must be true or false");
            case CHOICE -> checkChoice(field, value);
            case MULTICHOICE -> checkMultichoice(field, value);
        };
    }

    private static Optional<String> checkText(ConfigField field, Object value) {
        if (!(value instanceof String text)) {
            return Optional.of("must be text");
        }
        if (field.maxLength() != null && text.length() > field.maxLength()) {
            return Optional.of("must be at most " + field.maxLength() + " characters");
        }
        return Optional.empty();
    }

    private static Optional<String> checkNumber(ConfigField field, Object value) {
        if (!(value instanceof Number number)) {
            return Optional.of("must be a number");
        }
        double d = number.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return Optional.of("must be a finite number");
        }
        if ((field.min() != null && d < field.min()) || (field.max() != null && d > field.max())) {
            return Optional.of("must be between " + format(field.min()) + " and " + format(field.max()));
        }
        return Optional.empty();
    }

    private static Optional<String> checkChoice(ConfigField field, Object value) {
        if (!(value instanceof String text) || !isChoice(field, text)) {
            return Optional.of("must be one of " + field.choices().stream().map(Choice::value).toList());
        }
        return Optional.empty();
    }

    private static Optional<String> checkMultichoice(ConfigField field, Object value) {
        if (!(value instanceof Collection<?> values)) {
            return Optional.of("must be a list");
        }
        for (Object item : values) {
            if (!(item instanceof String text) || !isChoice(field, text)) {
                return Optional.of("'" + item + "' is not one of " + field.choices().stream().map(Choice::value).toList());
            }
        }
        return Optional.empty();
    }

    private static boolean isChoice(ConfigField field, String value) {
        return field.choices().stream().anyMatch(c -> c.value().equals(value));
    }

    private static String format(Double bound) {
        if (bound == null) {
            return "any";
        }
        return bound == Math.rint(bound) ? String.valueOf(bound.longValue()) : bound.toString();
    }
}

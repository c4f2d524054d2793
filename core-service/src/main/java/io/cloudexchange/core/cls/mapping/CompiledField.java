package io.cloudexchange.core.cls.mapping;

import java.util.Map;

/**
 * A mapping entry ready for the hot path: the field path split once, the default converted once.
 * Resolution follows CE: the field's value when present and non-empty, else the default, else nothing
 * (the key is left out). A value that fails its transformation is reported and replaced by the default
 * (or left out when there is none).
 */
final class CompiledField {

    final String target;
    private final String field;
    private final String[] path;
    private final Object defaultValue;
    private final Transformation transformation;
    private final boolean severity;

    CompiledField(FieldMapping mapping, boolean severity) {
        this.target = mapping.target();
        this.field = mapping.mappingField();
        this.path = field != null && field.indexOf('.') > 0 ? field.split("\\.") : null;
        this.transformation = mapping.transformation();
        this.severity = severity;
        this.defaultValue = mapping.defaultValue() == null ? null : convert(mapping.defaultValue());
    }

    /**
     * The converted value to send, or null to leave the key out.
     *
     * @param value what {@link #lookUp} found in the record
     */
    Object resolve(Object value, FieldProblems problems) {
        if (value == null || (value instanceof String s && s.isEmpty())) {
            return defaultValue;
        }
        if (transformation == Transformation.STRING && !severity && value instanceof String s) {
            return s;
        }
        try {
            return convert(value);
        } catch (IllegalArgumentException e) {
            problems.report(target, "field '" + field + "': " + e.getMessage() + " (transformation '"
                    + transformation.label() + "'); " + (defaultValue == null ? "key left out" : "sent default_value '"
                    + Transformation.text(defaultValue) + "'"));
            return defaultValue;
        }
    }

    private Object convert(Object value) {
        Object converted = transformation.apply(value);
        return severity ? (Object) (long) Severities.score(converted) : converted;
    }

    /** The record's value for this entry, as the source sent it; null when it has none or the entry is a constant. */
    Object lookUp(Map<String, Object> fields) {
        if (field == null) {
            return null;
        }
        Object value = fields.get(field);
        if (value != null || path == null) {
            return value;
        }
        Object current = fields;
        for (String segment : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(segment);
        }
        return current;
    }

    /** Text of a converted value. */
    static String text(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Long l) {
            return Long.toString(l);
        }
        if (value instanceof Double d) {
            return java.math.BigDecimal.valueOf(d).toPlainString();
        }
        return Transformation.text(value);
    }
}

package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What CEF and LEEF lines share: a start ({@code CEF:0|}), header values each followed by {@code |}, then
 * {@code key=value} attributes joined by a separator. Header values escape {@code \} and {@code |} and turn line
 * breaks into spaces; attribute values escape {@code \} and one format-specific character, and write line breaks
 * as {@code \n} and {@code \r}.
 *
 * <p>A record's fields are looked up for the whole template first and converted and written after: the look-ups
 * (most of the cost, as the record's map is rarely in the CPU cache) then do not wait on one another.
 */
abstract class KeyValueLineMapper implements LogMapper {

    /** How one format lays out its lines. */
    record Syntax(String name, String start, List<String> headers, String severityHeader, String severityAttribute,
                  boolean sortAttributes, String afterHeader, char separator, char escapedInValues) {
    }

    private final Syntax syntax;
    private final SubtypeTable<Template> templates;

    KeyValueLineMapper(String fileName, Map<LogType, Map<String, SubtypeMapping>> taxonomy, Syntax syntax) {
        this.syntax = syntax;
        this.templates = new SubtypeTable<>(taxonomy, mapping -> new Template(mapping, syntax), fileName, syntax.name);
    }

    @Override
    public final String map(LogType type, String subtype, Map<String, Object> fields) {
        return map(type, subtype, fields, FieldProblems.IGNORE);
    }

    @Override
    public final String map(LogType type, String subtype, Map<String, Object> fields, FieldProblems problems) {
        if (fields == null) {
            throw new LogMappingException("the record has no fields");
        }
        Template template = templates.find(type, subtype);
        CompiledField[] compiled = template.fields;
        LineBuffers buffers = LineBuffers.ofThisThread();
        Object[] found = buffers.values(compiled.length);
        try {
            for (int i = 0; i < compiled.length; i++) {
                found[i] = compiled[i].lookUp(fields);
            }
            return write(template, found, buffers.emptyLine(), problems);
        } finally {
            buffers.release(found, compiled.length);
        }
    }

    private String write(Template template, Object[] found, StringBuilder out, FieldProblems problems) {
        CompiledField[] compiled = template.fields;
        out.append(syntax.start);
        for (int i = 0; i < template.headerCount; i++) {
            Object value = compiled[i].resolve(found[i], problems);
            if (value == null) {
                throw new LogMappingException(syntax.name + " header '" + compiled[i].target + "' has no value: the record "
                        + "lacks its field and the mapping has no default_value");
            }
            if (!LineBuffers.appendNumber(out, value)) {
                Escaping.header(out, CompiledField.text(value));
            }
            out.append('|');
        }
        out.append(syntax.afterHeader);
        boolean first = true;
        for (int i = template.headerCount; i < compiled.length; i++) {
            Object value = compiled[i].resolve(found[i], problems);
            if (value != null) {
                if (!first) {
                    out.append(syntax.separator);
                }
                out.append(template.keys[i]);
                if (!LineBuffers.appendNumber(out, value)) {
                    Escaping.attribute(out, CompiledField.text(value), syntax.escapedInValues);
                }
                first = false;
            }
        }
        return out.toString();
    }

    /** One subtype's entries: the header in the format's order, then the attributes; {@code keys[i]} is {@code "key="}. */
    private static final class Template {

        final CompiledField[] fields;
        final String[] keys;
        final int headerCount;

        Template(SubtypeMapping mapping, Syntax syntax) {
            Stream<FieldMapping> header = syntax.headers.stream()
                    .map(name -> mapping.header().stream().filter(h -> h.target().equals(name)).findFirst().orElseThrow());
            Stream<FieldMapping> attributes = syntax.sortAttributes
                    ? mapping.extension().stream().sorted(Comparator.comparing(FieldMapping::target))
                    : mapping.extension().stream();
            List<CompiledField> headerFields = header.map(h -> new CompiledField(h, h.target().equals(syntax.severityHeader)))
                    .toList();
            List<CompiledField> attributeFields = attributes
                    .map(a -> new CompiledField(a, a.target().equals(syntax.severityAttribute))).toList();
            this.headerCount = headerFields.size();
            this.fields = Stream.concat(headerFields.stream(), attributeFields.stream()).toArray(CompiledField[]::new);
            this.keys = Stream.concat(headerFields.stream().map(h -> (String) null), attributeFields.stream().map(a -> a.target + "="))
                    .toArray(String[]::new);
        }
    }
}

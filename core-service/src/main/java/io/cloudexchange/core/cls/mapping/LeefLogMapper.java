package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Map;

/**
 * LEEF lines: {@code LEEF:1.0|Vendor|Product|Version|EventID|} then TAB-separated attributes, or
 * {@code LEEF:2.0|Vendor|Product|Version|EventID|<delimiter>|} then attributes separated by that delimiter
 * (announced as hex, e.g. {@code x09}, when it is not printable). Attributes in file order; {@code sev} is 0-10.
 */
final class LeefLogMapper implements LogMapper {

    private final SubtypeTable<Template> templates;
    private final String version;
    private final String delimiterField;
    private final char delimiter;

    LeefLogMapper(String fileName, MappingDefinition definition) {
        this.version = "LEEF:" + definition.leefVersion() + "|";
        this.delimiter = definition.leefDelimiter();
        this.delimiterField = "2.0".equals(definition.leefVersion()) ? LeefDelimiters.headerText(delimiter) + "|" : "";
        this.templates = new SubtypeTable<>(definition.taxonomy(), Template::new, fileName, "LEEF");
    }

    @Override
    public LogFormat format() {
        return LogFormat.LEEF;
    }

    @Override
    public String map(LogType type, String subtype, Map<String, Object> fields) {
        return map(type, subtype, fields, FieldProblems.IGNORE);
    }

    @Override
    public String map(LogType type, String subtype, Map<String, Object> fields, FieldProblems problems) {
        if (fields == null) {
            throw new LogMappingException("the record has no fields");
        }
        Template template = templates.find(type, subtype);
        StringBuilder out = new StringBuilder(512).append(version);
        for (CompiledField header : template.header) {
            Object value = header.resolve(fields, problems);
            if (value == null) {
                throw new LogMappingException("LEEF header '" + header.target + "' has no value: the record lacks its field and "
                        + "the mapping has no default_value");
            }
            Escaping.leefHeader(out, CompiledField.text(value));
            out.append('|');
        }
        out.append(delimiterField);
        boolean first = true;
        for (int i = 0; i < template.attributes.length; i++) {
            Object value = template.attributes[i].resolve(fields, problems);
            if (value != null) {
                if (!first) {
                    out.append(delimiter);
                }
                out.append(template.keys[i]);
                Escaping.leefValue(out, CompiledField.text(value), delimiter);
                first = false;
            }
        }
        return out.toString();
    }

    private static final class Template {

        final CompiledField[] header;
        final CompiledField[] attributes;
        final String[] keys;

        Template(SubtypeMapping mapping) {
            this.header = MappingFileParser.LEEF_HEADERS.stream()
                    .map(name -> mapping.header().stream().filter(h -> h.target().equals(name)).findFirst().orElseThrow())
                    .map(h -> new CompiledField(h, false))
                    .toArray(CompiledField[]::new);
            this.attributes = mapping.extension().stream().map(e -> new CompiledField(e, e.target().equals("sev")))
                    .toArray(CompiledField[]::new);
            this.keys = mapping.extension().stream().map(e -> e.target() + "=").toArray(String[]::new);
        }
    }
}

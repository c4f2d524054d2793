package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * CEF lines: {@code CEF:<ver>|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity|ext},
 * extension keys sorted as CE sends them. Severity is mapped to 0-10. No syslog header: the destination adds it.
 */
final class CefLogMapper implements LogMapper {

    private final SubtypeTable<Template> templates;
    private final String prefix;

    CefLogMapper(String fileName, MappingDefinition definition) {
        this.prefix = "CEF:" + definition.cefVersion() + "|";
        this.templates = new SubtypeTable<>(definition.taxonomy(), Template::new, fileName, "CEF");
    }

    @Override
    public LogFormat format() {
        return LogFormat.CEF;
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
        StringBuilder out = new StringBuilder(512).append(prefix);
        for (CompiledField header : template.header) {
            Object value = header.resolve(fields, problems);
            if (value == null) {
                throw new LogMappingException("CEF header '" + header.target + "' has no value: the record lacks its field and "
                        + "the mapping has no default_value");
            }
            Escaping.cefHeader(out, CompiledField.text(value));
            out.append('|');
        }
        boolean first = true;
        for (int i = 0; i < template.extension.length; i++) {
            Object value = template.extension[i].resolve(fields, problems);
            if (value != null) {
                if (!first) {
                    out.append(' ');
                }
                out.append(template.keys[i]);
                Escaping.cefExtension(out, CompiledField.text(value));
                first = false;
            }
        }
        return out.toString();
    }

    private static final class Template {

        final CompiledField[] header;
        final CompiledField[] extension;
        final String[] keys;

        Template(SubtypeMapping mapping) {
            this.header = MappingFileParser.CEF_HEADERS.stream()
                    .map(name -> mapping.header().stream().filter(h -> h.target().equals(name)).findFirst().orElseThrow())
                    .map(h -> new CompiledField(h, h.target().equals("Severity")))
                    .toArray(CompiledField[]::new);
            List<FieldMapping> sorted = mapping.extension().stream().sorted(Comparator.comparing(FieldMapping::target)).toList();
            this.extension = sorted.stream().map(e -> new CompiledField(e, false)).toArray(CompiledField[]::new);
            this.keys = sorted.stream().map(e -> e.target() + "=").toArray(String[]::new);
        }
    }
}

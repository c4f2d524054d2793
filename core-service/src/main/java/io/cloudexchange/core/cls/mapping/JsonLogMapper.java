package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * JSON objects: the whole record ({@code []} in the file), or only the listed fields, in list order.
 * Written by {@link JsonText} into the thread's line buffer, byte for byte as Jackson writes them.
 */
final class JsonLogMapper implements LogMapper {

    private final SubtypeTable<Selection> selections;

    JsonLogMapper(String fileName, MappingDefinition definition) {
        this.selections = new SubtypeTable<>(definition.json(), Selection::new, fileName, "JSON");
    }

    @Override
    public LogFormat format() {
        return LogFormat.JSON;
    }

    @Override
    public String map(LogType type, String subtype, Map<String, Object> fields) {
        if (fields == null) {
            throw new LogMappingException("the record has no fields");
        }
        Selection selection = selections.find(type, subtype);
        StringBuilder out = LineBuffers.ofThisThread().emptyLine();
        try {
            out.append('{');
            if (selection.fields.length == 0) {
                boolean first = true;
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    JsonText.recurringName(out, field.getKey());
                    JsonText.value(out, field.getValue());
                    first = false;
                }
            } else {
                boolean first = true;
                for (int i = 0; i < selection.fields.length; i++) {
                    Object value = fields.get(selection.fields[i]);
                    if (value != null) {
                        if (!first) {
                            out.append(',');
                        }
                        out.append(selection.names[i]);
                        JsonText.value(out, value);
                        first = false;
                    }
                }
            }
            out.append('}');
        } catch (JacksonException e) {
            throw new LogMappingException("the record cannot be written as JSON: " + e.getOriginalMessage());
        }
        return out.toString();
    }

    /** The listed fields, and each one's {@code "name":} as written. */
    private static final class Selection {

        final String[] fields;
        final String[] names;

        Selection(List<String> listed) {
            this.fields = listed.toArray(String[]::new);
            this.names = listed.stream().map(name -> {
                StringBuilder text = new StringBuilder();
                JsonText.name(text, name);
                return text.toString();
            }).toArray(String[]::new);
        }
    }
}

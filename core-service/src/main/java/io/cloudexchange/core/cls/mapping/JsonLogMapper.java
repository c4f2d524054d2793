package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** JSON objects: the whole record ({@code []} in the file), or only the listed fields, in list order. */
final class JsonLogMapper implements LogMapper {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SubtypeTable<String[]> selections;

    JsonLogMapper(String fileName, MappingDefinition definition) {
        this.selections = new SubtypeTable<>(definition.json(), (List<String> fields) -> fields.toArray(String[]::new),
                fileName, "JSON");
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
        String[] selected = selections.find(type, subtype);
        try {
            return selected.length == 0 ? JSON.writeValueAsString(fields) : JSON.writeValueAsString(select(fields, selected));
        } catch (JacksonException e) {
            throw new LogMappingException("the record cannot be written as JSON: " + e.getOriginalMessage());
        }
    }

    private static Map<String, Object> select(Map<String, Object> fields, String[] selected) {
        Map<String, Object> out = new java.util.LinkedHashMap<>(selected.length * 2);
        for (String name : selected) {
            Object value = fields.get(name);
            if (value != null) {
                out.put(name, value);
            }
        }
        return out;
    }
}

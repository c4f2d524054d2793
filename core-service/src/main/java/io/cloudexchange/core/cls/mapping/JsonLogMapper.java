package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON objects: the whole record ({@code []} in the file), or only the listed fields, in list order.
 * Written with Jackson's streaming generator: flat values directly, nested objects and lists through
 * data binding.
 */
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
        StringBuilder out = LineBuffers.empty();
        try (JsonGenerator generator = JSON.createGenerator(new BuilderWriter(out))) {
            generator.writeStartObject();
            if (selected.length == 0) {
                for (Map.Entry<String, Object> field : fields.entrySet()) {
                    write(generator, field.getKey(), field.getValue());
                }
            } else {
                for (String name : selected) {
                    Object value = fields.get(name);
                    if (value != null) {
                        write(generator, name, value);
                    }
                }
            }
            generator.writeEndObject();
        } catch (JacksonException e) {
            throw new LogMappingException("the record cannot be written as JSON: " + e.getOriginalMessage());
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, String name, Object value) {
        generator.writeName(name);
        if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Integer number) {
            generator.writeNumber(number.intValue());
        } else if (value instanceof Long number) {
            generator.writeNumber(number.longValue());
        } else if (value instanceof Double number) {
            generator.writeNumber(number.doubleValue());
        } else if (value instanceof BigInteger number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal number) {
            generator.writeNumber(number);
        } else if (value instanceof Boolean flag) {
            generator.writeBoolean(flag);
        } else if (value == null) {
            generator.writeNull();
        } else {
            generator.writePOJO(value);
        }
    }

    /** The generator's output goes straight into the thread's line buffer. */
    private static final class BuilderWriter extends Writer {

        private final StringBuilder out;

        BuilderWriter(StringBuilder out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            out.append(chars, offset, length);
        }

        @Override
        public void write(String text, int offset, int length) {
            out.append(text, offset, offset + length);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}

package io.cloudexchange.core.cls;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.cls.mapping.LogMapper;
import io.cloudexchange.core.cls.mapping.LogMappers;
import io.cloudexchange.core.cls.mapping.LogMappingException;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Map;

/**
 * Stands in for the mapping files in pipeline tests: one file, {@value #FILE}, with a JSON section only. It
 * maps a record to {@code {"id":…,"type":…,"subtype":…,"user":…}} plus {@code "poison":true} when the record
 * has that field, and refuses a record with {@code "unmappable"}. Every other file id goes to the platform's
 * real mappers.
 */
public class TestLogMappers implements LogMappers {

    public static final String FILE = "test-json";

    private final LogMappers real;

    public TestLogMappers(LogMappers real) {
        this.real = real;
    }

    @Override
    public LogMapper mapper(String mappingFileId, LogFormat format) {
        if (!FILE.equals(mappingFileId)) {
            return real.mapper(mappingFileId, format);
        }
        if (format != LogFormat.JSON) {
            throw InvalidRequestException.field("format", "the mapping file has no " + format + " section");
        }
        return new LogMapper() {
            @Override
            public LogFormat format() {
                return LogFormat.JSON;
            }

            @Override
            public String map(LogType type, String subtype, Map<String, Object> fields) {
                if (fields.containsKey("unmappable")) {
                    throw new LogMappingException("field 'unmappable' fails its transformation");
                }
                return "{\"id\":\"" + fields.get("_id") + "\",\"type\":\"" + type + "\",\"subtype\":\"" + subtype
                        + "\",\"user\":\"" + fields.get("user") + "\""
                        + (fields.containsKey("poison") ? ",\"poison\":true" : "") + "}";
            }
        };
    }
}

package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.Map;

/**
 * Turns one Netskope alert or event into the payload of one destination format (a CEF or LEEF line
 * without syslog header, or a JSON object). Compiled once from a mapping file; thread-safe; called on the
 * hot path, so it allocates as little as it can.
 */
public interface LogMapper {

    LogFormat format();

    /**
     * @param type alert or event
     * @param subtype e.g. {@code dlp} or {@code page}
     * @param fields the record's fields as the source sent them
     * @return the mapped payload
     * @throws LogMappingException when this record cannot be mapped; the caller reports it and maps the rest
     */
    String map(LogType type, String subtype, Map<String, Object> fields);

    /**
     * Like {@link #map(LogType, String, Map)}, and tells {@code problems} about each value that failed its
     * transformation (the mapper then sent the entry's default_value or left the key out).
     */
    default String map(LogType type, String subtype, Map<String, Object> fields, FieldProblems problems) {
        return map(type, subtype, fields);
    }
}

package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** Compiled per-subtype templates of one format, found by the subtype name a stream uses. */
final class SubtypeTable<T> {

    private final Map<LogType, Map<String, T>> byType = new EnumMap<>(LogType.class);
    private final String fileName;
    private final String format;

    <S> SubtypeTable(Map<LogType, Map<String, S>> source, Function<S, T> compile, String fileName, String format) {
        this.fileName = fileName;
        this.format = format;
        source.forEach((type, subtypes) -> {
            Map<String, T> compiled = new HashMap<>();
            subtypes.forEach((key, value) -> compiled.put(key, compile.apply(value)));
            byType.put(type, compiled);
        });
    }

    /** @throws LogMappingException when the file has no entry for this subtype */
    T find(LogType type, String subtype) {
        if (type == null || subtype == null) {
            throw new LogMappingException("the record has no log type or subtype");
        }
        Map<String, T> subtypes = byType.get(type);
        T found = subtypes == null ? null : subtypes.get(subtype);
        if (found == null && subtypes != null) {
            found = subtypes.get(Subtypes.key(subtype));
        }
        if (found == null) {
            throw new LogMappingException("mapping file '" + fileName + "' has no " + format + " mapping for "
                    + (type == LogType.ALERT ? "alerts" : "events") + " '" + subtype + "'");
        }
        return found;
    }
}

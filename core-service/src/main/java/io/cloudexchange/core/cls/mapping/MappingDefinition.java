package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.log.LogType;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed, valid mapping file. Subtype maps are keyed by {@link Subtypes#key}.
 *
 * @param cefVersion {@code 0} or {@code 1} when the taxonomy maps to CEF, else null
 * @param leefVersion {@code 1.0} or {@code 2.0} when the taxonomy maps to LEEF, else null
 * @param leefDelimiter the LEEF attribute delimiter (TAB for LEEF 1.0)
 * @param taxonomy header and extension entries per log type and subtype (CEF or LEEF)
 * @param json per log type and subtype, the fields to send; an empty list sends the whole record
 */
public record MappingDefinition(String cefVersion, String leefVersion, char leefDelimiter,
                                Map<LogType, Map<String, SubtypeMapping>> taxonomy,
                                Map<LogType, Map<String, List<String>>> json) {

    public Set<LogFormat> formats() {
        Set<LogFormat> formats = EnumSet.noneOf(LogFormat.class);
        if (cefVersion != null) {
            formats.add(LogFormat.CEF);
        }
        if (leefVersion != null) {
            formats.add(LogFormat.LEEF);
        }
        if (!json.isEmpty()) {
            formats.add(LogFormat.JSON);
        }
        return formats;
    }

    SubtypeMapping taxonomy(LogType type, String subtype) {
        Map<String, SubtypeMapping> byType = taxonomy.get(type);
        return byType == null ? null : byType.get(Subtypes.key(subtype));
    }
}

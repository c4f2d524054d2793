package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;

/**
 * LEEF lines: {@code LEEF:1.0|Vendor|Product|Version|EventID|} then TAB-separated attributes, or
 * {@code LEEF:2.0|Vendor|Product|Version|EventID|<delimiter>|} then attributes separated by that delimiter
 * (announced as hex, e.g. {@code x09}, when it is not printable), the delimiter escaped in their values.
 * Attributes in file order; {@code sev} is 0-10.
 */
final class LeefLogMapper extends KeyValueLineMapper {

    LeefLogMapper(String fileName, MappingDefinition definition) {
        super(fileName, definition.taxonomy(), syntax(definition));
    }

    private static Syntax syntax(MappingDefinition definition) {
        char delimiter = definition.leefDelimiter();
        String delimiterField = "2.0".equals(definition.leefVersion()) ? LeefDelimiters.headerText(delimiter) + "|" : "";
        return new Syntax("LEEF", "LEEF:" + definition.leefVersion() + "|", MappingFileParser.LEEF_HEADERS, null, "sev", false,
                delimiterField, delimiter, delimiter);
    }

    @Override
    public LogFormat format() {
        return LogFormat.LEEF;
    }
}

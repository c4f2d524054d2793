package io.cloudexchange.core.cls.mapping;

import io.cloudexchange.plugin.api.cls.LogFormat;

/**
 * CEF lines: {@code CEF:<ver>|Device Vendor|Device Product|Device Version|Device Event Class ID|Name|Severity|ext},
 * extension keys sorted as CE sends them and separated by spaces, {@code =} escaped in their values. Severity is
 * mapped to 0-10. No syslog header: the destination adds it.
 */
final class CefLogMapper extends KeyValueLineMapper {

    CefLogMapper(String fileName, MappingDefinition definition) {
        super(fileName, definition.taxonomy(), new Syntax("CEF", "CEF:" + definition.cefVersion() + "|",
                MappingFileParser.CEF_HEADERS, "Severity", null, true, "", ' ', '='));
    }

    @Override
    public LogFormat format() {
        return LogFormat.CEF;
    }
}

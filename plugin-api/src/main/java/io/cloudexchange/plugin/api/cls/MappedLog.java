package io.cloudexchange.plugin.api.cls;

import java.util.Objects;

/**
 * One record after the platform mapped it to the destination's format.
 *
 * @param id id of the source record (for de-duplication and stable ids at the target)
 * @param stream the stream it came from
 * @param format the format of {@code payload}
 * @param payload the mapped record, e.g. a CEF line or a JSON object, without transport framing
 */
public record MappedLog(String id, LogStream stream, LogFormat format, String payload) {

    public MappedLog {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stream, "stream");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(payload, "payload");
    }
}

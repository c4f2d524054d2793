package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.log.LogType;
import java.util.Objects;

/**
 * One independently checkpointed stream of a log source, e.g. alerts of subtype {@code dlp}.
 * Each stream has its own checkpoint (and, for Netskope, its own iterator).
 */
public record LogStream(LogType type, String subtype) {

    public LogStream {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(subtype, "subtype");
    }

    /** The key the core stores this stream's checkpoint under, e.g. {@code alert:dlp}. */
    public String key() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + subtype;
    }
}

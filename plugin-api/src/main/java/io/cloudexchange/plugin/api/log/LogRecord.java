package io.cloudexchange.plugin.api.log;

import java.time.Instant;
import java.util.Map;

/** A Netskope-style alert or event: typed header fields plus the raw record as the source sent it. */
public sealed interface LogRecord permits Alert, Event {

    String id();

    Instant timestamp();

    /** {@code alert} or {@code event}. */
    LogType logType();

    /** Subtype, e.g. {@code dlp} for alerts or {@code page} for events. */
    String subtype();

    Map<String, Object> raw();
}

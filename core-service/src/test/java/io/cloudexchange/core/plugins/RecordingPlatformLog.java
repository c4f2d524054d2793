package io.cloudexchange.core.plugins;

import io.cloudexchange.core.logging.LogLevel;
import io.cloudexchange.core.logging.PlatformLog;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A platform log that keeps its entries in memory instead of MongoDB. */
final class RecordingPlatformLog extends PlatformLog {

    record Entry(LogLevel level, String errorCode, String message) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();

    RecordingPlatformLog() {
        super(null, Clock.systemUTC());
    }

    @Override
    public void write(LogLevel level, String source, String errorCode, String message, String details) {
        entries.add(new Entry(level, errorCode, message));
    }

    List<Entry> warnings() {
        return entries.stream().filter(entry -> entry.level() == LogLevel.WARN).toList();
    }
}

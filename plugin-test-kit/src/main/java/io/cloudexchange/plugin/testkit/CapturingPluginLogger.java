package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.PluginLogger;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link PluginLogger} that keeps every line so a test can assert on it. */
public final class CapturingPluginLogger implements PluginLogger {

    private final List<LogLine> lines = new CopyOnWriteArrayList<>();

    @Override
    public void debug(String message) {
        lines.add(new LogLine(LogLine.Level.DEBUG, message, null, null));
    }

    @Override
    public void info(String message) {
        lines.add(new LogLine(LogLine.Level.INFO, message, null, null));
    }

    @Override
    public void warn(String message) {
        lines.add(new LogLine(LogLine.Level.WARN, message, null, null));
    }

    @Override
    public void error(String message, String errorCode, Throwable cause) {
        lines.add(new LogLine(LogLine.Level.ERROR, message, errorCode, cause));
    }

    /** Every line written so far, oldest first. */
    public List<LogLine> lines() {
        return List.copyOf(lines);
    }

    public List<LogLine> lines(LogLine.Level level) {
        return lines.stream().filter(line -> line.level() == level).toList();
    }
}

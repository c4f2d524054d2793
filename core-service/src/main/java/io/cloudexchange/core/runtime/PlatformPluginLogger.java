package io.cloudexchange.core.runtime;

import io.cloudexchange.core.logging.LogLevel;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.plugin.api.PluginLogger;

/** A plugin's logger: writes to the platform log under the configuration's source. */
record PlatformPluginLogger(PlatformLog log, String source) implements PluginLogger {

    @Override
    public void debug(String message) {
        log.write(LogLevel.DEBUG, source, null, message, null);
    }

    @Override
    public void info(String message) {
        log.write(LogLevel.INFO, source, null, message, null);
    }

    @Override
    public void warn(String message) {
        log.write(LogLevel.WARN, source, null, message, null);
    }

    @Override
    public void error(String message, String errorCode, Throwable cause) {
        log.error(source, errorCode, message, cause);
    }
}

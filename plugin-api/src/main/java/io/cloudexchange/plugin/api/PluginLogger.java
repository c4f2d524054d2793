package io.cloudexchange.plugin.api;

/**
 * Writes to the platform log (visible on the Logging page), tagged with the configuration.
 * Error codes are short and stable, e.g. {@code FEED-1001}, so admins can search for them.
 */
public interface PluginLogger {

    void debug(String message);

    void info(String message);

    void warn(String message);

    void error(String message, String errorCode, Throwable cause);

    default void error(String message, String errorCode) {
        error(message, errorCode, null);
    }
}

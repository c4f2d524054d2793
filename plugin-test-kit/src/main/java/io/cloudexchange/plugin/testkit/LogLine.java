package io.cloudexchange.plugin.testkit;

/**
 * One line a plugin wrote through its {@link io.cloudexchange.plugin.api.PluginLogger}.
 *
 * @param level DEBUG, INFO, WARN or ERROR
 * @param message the message
 * @param errorCode the error code of an error line, or null
 * @param cause the exception of an error line, or null
 */
public record LogLine(Level level, String message, String errorCode, Throwable cause) {

    public enum Level { DEBUG, INFO, WARN, ERROR }
}

package io.cloudexchange.core.logging;

public enum LogLevel {
    DEBUG, INFO, WARN, ERROR
}

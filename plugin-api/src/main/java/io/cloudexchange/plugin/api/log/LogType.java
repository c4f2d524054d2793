package io.cloudexchange.plugin.api.log;

public enum LogType {
    ALERT, EVENT
}

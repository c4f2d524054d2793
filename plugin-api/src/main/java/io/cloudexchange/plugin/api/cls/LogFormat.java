package io.cloudexchange.plugin.api.cls;

public enum LogFormat {
    CEF, LEEF, JSON
}

package io.cloudexchange.plugin.api.config;

/** Field types the UI knows how to render. */
public enum FieldType {
    TEXT, PASSWORD, NUMBER, CHOICE, MULTICHOICE, TEXTAREA, BOOLEAN;

    /** Secret fields are encrypted at rest and never returned by the API. */
    public boolean isSecret() {
        return this == PASSWORD;
    }
}

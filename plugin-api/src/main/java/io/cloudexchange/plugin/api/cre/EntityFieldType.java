package io.cloudexchange.plugin.api.cre;

public enum EntityFieldType {
    STRING, NUMBER, BOOLEAN, LIST, DATETIME, IPV4, IPV6, EMAIL, REFERENCE
}

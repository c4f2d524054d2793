package io.cloudexchange.gateway.shell;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The modules an admin can turn on or off, in navigation order. */
public enum Module {

    CTE("Threat Exchange", "/cte"),
    CTO("Ticket Orchestrator", "/cto"),
    CRE("Risk Exchange", "/cre"),
    ARE("Application Risk Exchange", "/are"),
    CLS("Log Shipper", "/cls");

    private final String title;
    private final String path;

    Module(String title, String path) {
        this.title = title;
        this.path = path;
    }

    public String title() {
        return title;
    }

    public String path() {
        return path;
    }

    public String code() {
        return name();
    }

    static List<Module> enabledIn(Map<String, Boolean> toggles) {
        return Arrays.stream(values()).filter(module -> Boolean.TRUE.equals(toggles.get(module.name()))).toList();
    }
}

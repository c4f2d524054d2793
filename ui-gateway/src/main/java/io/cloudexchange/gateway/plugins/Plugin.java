package io.cloudexchange.gateway.plugins;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A plugin's descriptor as core-service lists it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Plugin(String id, String name, String version, String description, List<String> modules,
        List<String> capabilities, String minimumPlatformVersion, String source, PluginSchema schema) {

    public Plugin {
        modules = modules == null ? List.of() : List.copyOf(modules);
        capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
        schema = schema == null ? new PluginSchema(List.of()) : schema;
    }
}

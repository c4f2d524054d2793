package io.cloudexchange.gateway.plugins;

import java.util.List;

import io.cloudexchange.gateway.core.CoreClient;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** The plugins core-service knows, bundled or uploaded. */
@Component
public class PluginCatalog {

    private static final ParameterizedTypeReference<List<Plugin>> PLUGINS = new ParameterizedTypeReference<>() {
    };

    private final CoreClient core;

    PluginCatalog(CoreClient core) {
        this.core = core;
    }

    public List<Plugin> all() {
        List<Plugin> plugins = core.get("/api/plugins", PLUGINS);
        return plugins == null ? List.of() : plugins;
    }

    public Plugin get(String id) {
        return core.get("/api/plugins/{id}", Plugin.class, id);
    }
}

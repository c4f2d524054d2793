package io.cloudexchange.gateway.shell;

import java.util.List;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;

/** Reads and writes which modules are turned on ({@code /api/settings/modules}). */
@Component
public class ModuleToggles {

    private static final ParameterizedTypeReference<Map<String, Boolean>> TOGGLES = new ParameterizedTypeReference<>() {
    };

    private final CoreClient core;

    ModuleToggles(CoreClient core) {
        this.core = core;
    }

    public Map<String, Boolean> current() {
        Map<String, Boolean> toggles = core.get("/api/settings/modules", TOGGLES);
        return toggles == null ? Map.of() : toggles;
    }

    public List<Module> enabled() {
        return Module.enabledIn(current());
    }

    public boolean isEnabled(Module module) {
        return Boolean.TRUE.equals(current().get(module.name()));
    }

    public void save(Map<String, Boolean> toggles) {
        core.put("/api/settings/modules", toggles, Void.class);
    }
}

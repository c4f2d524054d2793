package io.cloudexchange.gateway.shell;

import java.util.List;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The model of the navigation shell: who is logged in, the enabled modules and what the user may use (the permissions
 * {@code GET /api/me} reports). Users without the settings area cannot read the module toggles; they see no module and
 * no settings.
 */
@Component
class Navigation {

    private static final int FORBIDDEN = 403;

    private final CoreClient core;
    private final ModuleToggles moduleToggles;

    Navigation(CoreClient core, ModuleToggles moduleToggles) {
        this.core = core;
        this.moduleToggles = moduleToggles;
    }

    void addTo(Model model) {
        Me me = core.get("/api/me", Me.class);
        Access access = new Access(me.roles(), me.permissions(), me.auditLog(), me.usersAndRoles());
        List<Module> enabledModules = List.of();
        if (access.settings()) {
            try {
                enabledModules = moduleToggles.enabled();
            }
            catch (CoreException ex) {
                if (ex.status() != FORBIDDEN) {
                    throw ex;
                }
            }
        }
        model.addAttribute("enabledModules", enabledModules);
        model.addAttribute("access", access);
        model.addAttribute("username", me.username());
    }
}

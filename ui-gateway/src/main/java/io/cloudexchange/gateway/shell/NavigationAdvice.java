package io.cloudexchange.gateway.shell;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Supplies the navigation shell: the enabled modules and who is logged in. */
@ControllerAdvice(annotations = ShellPage.class)
class NavigationAdvice {

    private final ModuleToggles moduleToggles;

    NavigationAdvice(ModuleToggles moduleToggles) {
        this.moduleToggles = moduleToggles;
    }

    @ModelAttribute("enabledModules")
    List<Module> enabledModules() {
        return moduleToggles.enabled();
    }

    @ModelAttribute("username")
    String username(Authentication authentication) {
        return authentication == null ? "" : authentication.getName();
    }
}

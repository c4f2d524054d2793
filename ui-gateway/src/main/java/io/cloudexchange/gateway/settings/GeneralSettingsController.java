package io.cloudexchange.gateway.settings;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.cloudexchange.gateway.shell.ModuleToggles;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > General: which modules are turned on. */
@Controller
@ShellPage
class GeneralSettingsController {

    private final ModuleToggles moduleToggles;

    GeneralSettingsController(ModuleToggles moduleToggles) {
        this.moduleToggles = moduleToggles;
    }

    @GetMapping({ "/settings", "/settings/general" })
    String general(Model model) {
        model.addAttribute("toggles", moduleToggles.current());
        return "settings/general";
    }

    @PostMapping("/settings/general")
    String saveModules(@RequestParam(name = "enabled", required = false) Set<String> enabled,
            RedirectAttributes redirect) {
        Map<String, Boolean> toggles = new LinkedHashMap<>();
        moduleToggles.current().keySet().forEach(code -> toggles.put(code, enabled != null && enabled.contains(code)));
        moduleToggles.save(toggles);
        redirect.addFlashAttribute("saved", "Modules saved.");
        return "redirect:/settings/general";
    }
}

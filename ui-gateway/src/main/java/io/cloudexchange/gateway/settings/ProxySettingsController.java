package io.cloudexchange.gateway.settings;

import java.util.LinkedHashMap;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Proxy: the system proxy plugins and tenants may use. */
@Controller
@ShellPage
class ProxySettingsController {

    private final CoreClient core;

    ProxySettingsController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/settings/proxy")
    String proxy(Model model) {
        model.addAttribute("proxy", core.get("/api/settings/proxy", ProxySettings.class));
        model.addAttribute("errors", Map.of());
        return "settings/proxy";
    }

    @PostMapping("/settings/proxy")
    String save(@RequestParam(defaultValue = "") String url, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("url", url.strip());
        body.put("username", username.strip());
        if (!password.isEmpty()) {
            body.put("password", password);
        }
        try {
            core.put("/api/settings/proxy", body, Void.class);
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            ProxySettings stored = core.get("/api/settings/proxy", ProxySettings.class);
            model.addAttribute("proxy", new ProxySettings(url, username, stored != null && stored.passwordSet()));
            model.addAttribute("errors", ex.problem().errors());
            model.addAttribute("message", ex.userMessage());
            return "settings/proxy";
        }
        redirect.addFlashAttribute("saved", "Proxy settings saved.");
        return "redirect:/settings/proxy";
    }
}

package io.cloudexchange.gateway.tenants;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.FormNumbers;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Netskope Tenants. */
@Controller
@ShellPage
class TenantController {

    private static final ParameterizedTypeReference<List<Tenant>> TENANTS = new ParameterizedTypeReference<>() {
    };

    private final CoreClient core;

    TenantController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/settings/tenants")
    String list(Model model) {
        model.addAttribute("tenants", core.get("/api/tenants", TENANTS));
        return "tenants/list";
    }

    @GetMapping("/settings/tenants/new")
    String newTenant(Model model) {
        return form(Tenant.blank(), Map.of(), null, model);
    }

    @GetMapping("/settings/tenants/{id}")
    String edit(@PathVariable String id, Model model) {
        return form(core.get("/api/tenants/{id}", Tenant.class, id), Map.of(), null, model);
    }

    @PostMapping({ "/settings/tenants", "/settings/tenants/{id}" })
    String save(@PathVariable(required = false) String id, @RequestParam String name, @RequestParam String url,
            @RequestParam(defaultValue = "") String v2Token, @RequestParam(defaultValue = "") String v1Token,
            @RequestParam(defaultValue = "") List<String> alertTypes,
            @RequestParam(defaultValue = "") List<String> eventTypes,
            @RequestParam(defaultValue = "") String alertsInitialRangeDays,
            @RequestParam(defaultValue = "") String eventsInitialRangeHours,
            @RequestParam(defaultValue = "false") boolean useSystemProxy, Model model, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("url", url.strip());
        putIfEntered(body, "v2Token", v2Token);
        putIfEntered(body, "v1Token", v1Token);
        body.put("alertTypes", chosen(alertTypes));
        body.put("eventTypes", chosen(eventTypes));
        body.put("alertsInitialRangeDays", FormNumbers.parse(alertsInitialRangeDays));
        body.put("eventsInitialRangeHours", FormNumbers.parse(eventsInitialRangeHours));
        body.put("useSystemProxy", useSystemProxy);
        try {
            if (id == null) {
                core.post("/api/tenants", body, Void.class);
            }
            else {
                core.put("/api/tenants/{id}", body, Void.class, id);
            }
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure() && ex.status() != 409) {
                throw ex;
            }
            Tenant stored = id == null ? Tenant.blank() : core.get("/api/tenants/{id}", Tenant.class, id);
            Tenant entered = new Tenant(id, name, url, chosen(alertTypes), chosen(eventTypes),
                    alertsInitialRangeDays, eventsInitialRangeHours,
                    useSystemProxy, stored.v2TokenSet(), stored.v1TokenSet());
            Map<String, String> errors = ex.status() == 409 ? Map.of("name", ex.userMessage()) : ex.problem().errors();
            return form(entered, errors, ex.userMessage(), model);
        }
        redirect.addFlashAttribute("saved", "Tenant " + name + " saved.");
        return "redirect:/settings/tenants";
    }

    @PostMapping("/settings/tenants/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        core.delete("/api/tenants/{id}", id);
        redirect.addFlashAttribute("saved", "Tenant deleted.");
        return "redirect:/settings/tenants";
    }

    private static String form(Tenant tenant, Map<String, String> errors, String message, Model model) {
        model.addAttribute("tenant", tenant);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("alertTypeChoices", DataExportType.ALERTS);
        model.addAttribute("eventTypeChoices", DataExportType.EVENTS);
        return "tenants/form";
    }

    /** A multi-select with nothing chosen sends no value; the empty default stands for that. */
    private static List<String> chosen(List<String> types) {
        return types.stream().filter(type -> !type.isBlank()).toList();
    }

    private static void putIfEntered(Map<String, Object> body, String key, String secret) {
        if (!secret.isEmpty()) {
            body.put(key, secret);
        }
    }
}

package io.cloudexchange.gateway.configurations;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.FormNumbers;
import io.cloudexchange.gateway.plugins.Plugin;
import io.cloudexchange.gateway.plugins.PluginCatalog;
import io.cloudexchange.gateway.shell.ShellPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Settings > Plugin configurations: list, schema-driven create/edit form, enable/disable, delete, pull now. */
@Controller
@ShellPage
class ConfigurationController {

    private static final ParameterizedTypeReference<List<PluginConfiguration>> CONFIGURATIONS =
            new ParameterizedTypeReference<>() {
            };

    private static final Set<String> INPUTS_BESIDE_PARAMETERS = Set.of("name", "module", "pollIntervalSeconds");

    private final CoreClient core;
    private final PluginCatalog catalog;

    ConfigurationController(CoreClient core, PluginCatalog catalog) {
        this.core = core;
        this.catalog = catalog;
    }

    @GetMapping("/settings/configurations")
    String list(Model model) {
        model.addAttribute("configurations", core.get("/api/configurations", CONFIGURATIONS));
        model.addAttribute("pluginNames", pluginNames());
        return "configurations/list";
    }

    @GetMapping("/settings/configurations/new")
    String newConfiguration(@RequestParam(required = false) String pluginId, Model model) {
        if (pluginId == null || pluginId.isBlank()) {
            model.addAttribute("plugins", catalog.all());
            return "configurations/choose-plugin";
        }
        return form(catalog.get(pluginId), PluginConfiguration.blank(pluginId), true, Map.of(), null, model);
    }

    @GetMapping("/settings/configurations/{id}")
    String edit(@PathVariable String id, Model model) {
        PluginConfiguration configuration = core.get("/api/configurations/{id}", PluginConfiguration.class, id);
        return form(catalog.get(configuration.pluginId()), configuration, false, Map.of(), null, model);
    }

    @PostMapping({ "/settings/configurations", "/settings/configurations/{id}" })
    String save(@PathVariable(required = false) String id, @RequestParam String pluginId,
            @RequestParam String name, @RequestParam(required = false) String module,
            @RequestParam(defaultValue = "") String pollIntervalSeconds,
            @RequestParam(defaultValue = "false") boolean enabled,
            @RequestParam(defaultValue = "false") boolean useSystemProxy,
            @RequestParam(defaultValue = "false") boolean sslValidation, HttpServletRequest request, Model model,
            RedirectAttributes redirect) {
        Plugin plugin = catalog.get(pluginId);
        Map<String, Object> parameters = SchemaForm.parameters(plugin.schema(), request.getParameterMap());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("pluginId", pluginId);
        if (module != null && !module.isBlank()) {
            body.put("module", module);
        }
        body.put("parameters", parameters);
        body.put("enabled", enabled);
        body.put("pollIntervalSeconds", FormNumbers.parse(pollIntervalSeconds));
        body.put("useSystemProxy", useSystemProxy);
        body.put("sslValidation", sslValidation);
        try {
            if (id == null) {
                core.post("/api/configurations", body, Void.class);
            }
            else {
                core.put("/api/configurations/{id}", body, Void.class, id);
            }
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure() && ex.status() != 409) {
                throw ex;
            }
            List<String> secretsSet = id == null ? List.of()
                    : core.get("/api/configurations/{id}", PluginConfiguration.class, id).secretsSet();
            PluginConfiguration entered = new PluginConfiguration(id, name, pluginId, module, parameters, enabled,
                    pollIntervalSeconds, useSystemProxy, sslValidation, secretsSet, null, null, null);
            Map<String, String> errors = ex.status() == 409 ? Map.of("name", ex.userMessage()) : ex.problem().errors();
            return form(plugin, entered, false, errors, ex.userMessage(), model);
        }
        redirect.addFlashAttribute("saved", "Configuration " + name + " saved.");
        return "redirect:/settings/configurations";
    }

    @PostMapping("/settings/configurations/{id}/enabled")
    String setEnabled(@PathVariable String id, @RequestParam boolean enabled, Model model) {
        PluginConfiguration stored = core.get("/api/configurations/{id}", PluginConfiguration.class, id);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", stored.name());
        body.put("pluginId", stored.pluginId());
        body.put("module", stored.module());
        body.put("parameters", stored.parameters());
        body.put("enabled", enabled);
        body.put("pollIntervalSeconds", stored.pollIntervalSeconds());
        body.put("useSystemProxy", stored.useSystemProxy());
        body.put("sslValidation", stored.sslValidation());
        PluginConfiguration updated = core.put("/api/configurations/{id}", body, PluginConfiguration.class, id);
        return row(updated == null ? stored : updated, model);
    }

    @PostMapping("/settings/configurations/{id}/pull")
    String pullNow(@PathVariable String id, Model model) {
        core.post("/api/configurations/{id}/pull", id);
        model.addAttribute("message", "Pull started.");
        return "configurations/list :: notice";
    }

    @PostMapping("/settings/configurations/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        core.delete("/api/configurations/{id}", id);
        redirect.addFlashAttribute("saved", "Configuration deleted.");
        return "redirect:/settings/configurations";
    }

    private String row(PluginConfiguration configuration, Model model) {
        model.addAttribute("c", configuration);
        model.addAttribute("pluginNames", pluginNames());
        return "configurations/list :: row";
    }

    private Map<String, String> pluginNames() {
        return catalog.all().stream().collect(Collectors.toMap(Plugin::id, Plugin::name, (a, b) -> a));
    }

    private static String form(Plugin plugin, PluginConfiguration configuration, boolean useDefaults,
            Map<String, String> errors, String message, Model model) {
        model.addAttribute("plugin", plugin);
        model.addAttribute("configuration", configuration);
        model.addAttribute("steps", SchemaForm.render(plugin.schema(), configuration.parameters(), useDefaults,
                configuration.secretsSet(), errors));
        model.addAttribute("errors", errors);
        model.addAttribute("errorsWithoutInput",
                SchemaForm.errorsWithoutInput(errors, plugin.schema(), INPUTS_BESIDE_PARAMETERS));
        model.addAttribute("message", message);
        return "configurations/form";
    }
}

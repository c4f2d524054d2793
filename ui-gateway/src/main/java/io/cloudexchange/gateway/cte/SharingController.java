package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Threat Exchange sharing: which sources' indicators, through which business rule, go to which destination with
 * which action. The create form lists the actions of the chosen destination ({@code ?destination=}), each with its
 * parameters as simple fields named {@code param.<action>.<key>}; only the chosen action's are sent.
 */
@Controller
@ShellPage
class SharingController {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final String PAGE = "redirect:/cte/sharing";

    private final CoreClient core;

    SharingController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/cte/sharing")
    String sharing(@RequestParam(defaultValue = "") String destination, Model model) {
        List<Map<String, Object>> configurations = core.get("/api/configurations", LIST).stream()
                .filter(configuration -> "CTE".equals(configuration.get("module"))).toList();
        List<Map<String, Object>> rules = core.get("/api/cte/business-rules", LIST);
        Map<String, String> names = new LinkedHashMap<>();
        configurations.forEach(c -> names.put(String.valueOf(c.get("id")), String.valueOf(c.get("name"))));
        rules.forEach(r -> names.put(String.valueOf(r.get("id")), String.valueOf(r.get("name"))));
        model.addAttribute("sharings", core.get("/api/cte/sharing", LIST).stream().map(sharing -> {
            Map<String, Object> copy = new LinkedHashMap<>(sharing);
            copy.putIfAbsent("status", Map.of());
            copy.putIfAbsent("sourceConfigurationIds", List.of());
            return copy;
        }).toList());
        model.addAttribute("configurations", configurations);
        model.addAttribute("rules", rules);
        model.addAttribute("names", names);
        model.addAttribute("destination", destination);
        List<Map<String, Object>> actions = destination.isBlank() ? List.of()
                : core.get("/api/cte/sharing/actions?destinationConfigurationId={id}", LIST, destination).stream()
                        .map(action -> withFields(action)).toList();
        model.addAttribute("actions", actions);
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "cte/sharing";
    }

    @PostMapping("/cte/sharing")
    String create(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        String action = form.getFirst("action") == null ? "" : form.getFirst("action");
        String destination = value(form, "destinationConfigurationId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        String prefix = "param." + action + ".";
        form.forEach((key, values) -> {
            if (key.startsWith(prefix) && !values.isEmpty() && !values.get(0).isBlank()) {
                parameters.put(key.substring(prefix.length()), values.size() == 1 ? values.get(0) : values);
            }
        });
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", value(form, "name"));
        List<String> sources = new ArrayList<>(form.getOrDefault("sourceConfigurationIds", List.of()));
        sources.removeIf(String::isBlank);
        body.put("sourceConfigurationIds", sources);
        body.put("ruleId", value(form, "ruleId"));
        body.put("destinationConfigurationId", destination);
        body.put("action", action);
        body.put("actionParameters", parameters);
        body.put("enabled", form.containsKey("enabled"));
        try {
            core.post("/api/cte/sharing", body, Void.class);
            redirect.addFlashAttribute("saved", "Sharing " + body.get("name") + " saved.");
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
            redirect.addFlashAttribute("errors", ex.fieldErrors("name"));
            redirect.addFlashAttribute("form", form.toSingleValueMap());
            redirect.addAttribute("destination", destination);
        }
        return PAGE;
    }

    @PostMapping("/cte/sharing/{id}/sync")
    String sync(@PathVariable String id, @RequestParam(defaultValue = "") String days, RedirectAttributes redirect) {
        return send(() -> {
            if (days.isBlank()) {
                core.post("/api/cte/sharing/{id}/sync", id);
            }
            else {
                core.post("/api/cte/sharing/{id}/sync?days={days}", id, days);
            }
        }, "Sync started.", redirect);
    }

    @PostMapping("/cte/sharing/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        return send(() -> core.delete("/api/cte/sharing/{id}", id), "Sharing deleted.", redirect);
    }

    private static String send(Runnable call, String done, RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("saved", done);
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection() && ex.status() != 404) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
        }
        return PAGE;
    }

    /** The action with its parameters' fields flattened out of the plugin's config schema (steps or fields). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withFields(Map<String, Object> action) {
        List<Object> fields = new ArrayList<>();
        if (action.get("parameters") instanceof Map<?, ?> schema) {
            if (schema.get("fields") instanceof List<?> direct) {
                fields.addAll(direct);
            }
            if (schema.get("steps") instanceof List<?> steps) {
                for (Object step : steps) {
                    if (step instanceof Map<?, ?> map && map.get("fields") instanceof List<?> stepFields) {
                        fields.addAll(stepFields);
                    }
                }
            }
        }
        Map<String, Object> copy = new LinkedHashMap<>(action);
        copy.put("fields", fields.stream().filter(Map.class::isInstance).map(field -> (Map<String, Object>) field)
                .toList());
        return copy;
    }

    private static String value(MultiValueMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

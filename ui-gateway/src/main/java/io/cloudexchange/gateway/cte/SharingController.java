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

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT =
            new ParameterizedTypeReference<>() {
            };

    /**
     * The sharings and the form: empty for a new one, or filled from the core's sharing {@code edit} (its
     * destination's actions shown unless another {@code destination} is chosen).
     */
    @GetMapping("/cte/sharing")
    String sharing(@RequestParam(defaultValue = "") String destination, @RequestParam(defaultValue = "") String edit,
            Model model) {
        if (!edit.isBlank() && !model.containsAttribute("form")) {
            Map<String, String> form = formOf(core.get("/api/cte/sharing/{id}", OBJECT, edit));
            if (destination.isBlank()) {
                destination = form.getOrDefault("destinationConfigurationId", "");
            }
            model.addAttribute("form", form);
        }
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
            model.addAttribute("form", Map.of("enabled", "true"));
        }
        @SuppressWarnings("unchecked")
        Map<String, String> form = (Map<String, String>) model.getAttribute("form");
        List<String> selected = splitSources(List.of(form.getOrDefault("sourceConfigurationIds", "")));
        model.addAttribute("selectedSources", selected);
        model.addAttribute("otherSources", String.join(", ", selected.stream()
                .filter(source -> configurations.stream().noneMatch(c -> source.equals(String.valueOf(c.get("id")))))
                .toList()));
        return "cte/sharing";
    }

    /** Creates a sharing ({@code id} empty) or replaces the edited one; the core keeps its progress. */
    @PostMapping("/cte/sharing")
    String save(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        String id = value(form, "id");
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
        List<String> sources = splitSources(form.getOrDefault("sourceConfigurationIds", List.of()));
        body.put("sourceConfigurationIds", sources);
        body.put("ruleId", value(form, "ruleId"));
        body.put("destinationConfigurationId", destination);
        body.put("action", action);
        body.put("actionParameters", parameters);
        body.put("enabled", form.containsKey("enabled"));
        try {
            if (id == null) {
                core.post("/api/cte/sharing", body, Void.class);
            }
            else {
                core.put("/api/cte/sharing/{id}", body, Void.class, id);
            }
            redirect.addFlashAttribute("saved", "Sharing " + body.get("name") + " saved.");
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
            redirect.addFlashAttribute("errors", ex.fieldErrors("name"));
            Map<String, String> kept = new LinkedHashMap<>(form.toSingleValueMap());
            kept.put("sourceConfigurationIds", String.join(",", sources));
            kept.put("enabled", String.valueOf(form.containsKey("enabled")));
            redirect.addFlashAttribute("form", kept);
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

    /** Source ids from the multi-select and the free "other" field, which may list several, comma-separated. */
    private static List<String> splitSources(List<String> values) {
        List<String> sources = new ArrayList<>();
        for (String value : values) {
            for (String source : value.split(",")) {
                if (!source.isBlank() && !sources.contains(source.strip())) {
                    sources.add(source.strip());
                }
            }
        }
        return sources;
    }

    /** A sharing from the core as the form's fields, action parameters as {@code param.<action>.<key>}. */
    private static Map<String, String> formOf(Map<String, Object> sharing) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "ruleId", "destinationConfigurationId", "action")) {
            Object value = sharing.get(field);
            form.put(field, value == null ? "" : String.valueOf(value));
        }
        form.put("enabled", String.valueOf(!Boolean.FALSE.equals(sharing.get("enabled"))));
        if (sharing.get("sourceConfigurationIds") instanceof List<?> sources) {
            form.put("sourceConfigurationIds", String.join(",", sources.stream().map(String::valueOf).toList()));
        }
        if (sharing.get("actionParameters") instanceof Map<?, ?> parameters) {
            parameters.forEach((key, value) -> form.put("param." + form.get("action") + "." + key,
                    value instanceof List<?> list ? String.join(",", list.stream().map(String::valueOf).toList())
                            : String.valueOf(value)));
        }
        return form;
    }

    private static String value(MultiValueMap<String, String> form, String key) {
        String value = form.getFirst(key);
        return value == null || value.isBlank() ? null : value.strip();
    }
}

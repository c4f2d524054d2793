package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Threat Exchange business rules: which indicators a sharing sends, with exceptions, folders and muting. */
@Controller
@ShellPage
class CteBusinessRuleController {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT =
            new ParameterizedTypeReference<>() {
            };
    private static final String PAGE = "redirect:/cte/rules";

    private final CoreClient core;

    CteBusinessRuleController(CoreClient core) {
        this.core = core;
    }

    /**
     * The rules (of a folder and below, when one is given) with the URL of each rule's EDL, and the form to create
     * one (its filter pre-filled from {@code filter}, e.g. the indicator page's query) or edit {@code edit}.
     */
    @GetMapping("/cte/rules")
    String rules(@RequestParam(defaultValue = "") String folder, @RequestParam(defaultValue = "") String edit,
            @RequestParam(defaultValue = "") String filter, Model model) {
        model.addAttribute("folder", folder);
        model.addAttribute("edlBase", ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/edl/rules/")
                .toUriString());
        model.addAttribute("rules", folder.isBlank() ? core.get("/api/cte/business-rules", LIST)
                : core.get("/api/cte/business-rules?folder={folder}", LIST, folder));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", !edit.isBlank() ? formOf(core.get("/api/cte/business-rules/{id}", OBJECT, edit))
                    : filter.isBlank() ? Map.of() : Map.of("filter", filter.strip()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        return "cte/rules";
    }

    /** Creates a rule ({@code id} empty) or saves an edited one; refused fields are shown next to the form. */
    @PostMapping("/cte/rules")
    String save(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        String id = form.getOrDefault("id", "").strip();
        Map<String, Object> body = bodyOf(form);
        try {
            if (id.isEmpty()) {
                core.post("/api/cte/business-rules", body, Void.class);
            }
            else {
                core.put("/api/cte/business-rules/{id}", body, Void.class, id);
            }
            redirect.addFlashAttribute("saved", "Business rule " + body.get("name") + " saved.");
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            redirect.addFlashAttribute("form", form);
            redirect.addFlashAttribute("errors", ex.fieldErrors("name"));
            redirect.addFlashAttribute("refused", ex.userMessage());
        }
        return PAGE;
    }

    @PostMapping("/cte/rules/{id}/clone")
    String cloneRule(@PathVariable String id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes redirect) {
        Map<String, Object> body = name.isBlank() ? Map.of() : Map.of("name", name.strip());
        return send(() -> core.post("/api/cte/business-rules/{id}/clone", body, Void.class, id), "Rule cloned.",
                redirect);
    }

    /** Mutes or unmutes: the core's rule with only {@code muted} changed. */
    @PostMapping("/cte/rules/{id}/mute")
    String mute(@PathVariable String id, @RequestParam boolean muted, RedirectAttributes redirect) {
        return send(() -> {
            Map<String, Object> rule = new LinkedHashMap<>(core.get("/api/cte/business-rules/{id}", OBJECT, id));
            rule.put("muted", muted);
            core.put("/api/cte/business-rules/{id}", rule, Void.class, id);
        }, muted ? "Rule muted." : "Rule unmuted.", redirect);
    }

    @PostMapping("/cte/rules/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        return send(() -> core.delete("/api/cte/business-rules/{id}", id), "Rule deleted.", redirect);
    }

    /** What the saved rule matches now: counts and sizes by type, as the core reports them. */
    @PostMapping("/cte/rules/{id}/test")
    String test(@PathVariable String id, @RequestParam(defaultValue = "") String days, RedirectAttributes redirect) {
        return send(() -> {
            Map<?, ?> result = days.isBlank()
                    ? core.post("/api/cte/business-rules/{id}/test", Map.of(), Map.class, id)
                    : core.post("/api/cte/business-rules/{id}/test?days={days}", Map.of(), Map.class, id, days);
            redirect.addFlashAttribute("testResult", result);
            redirect.addFlashAttribute("testedRule", id);
        }, null, redirect);
    }

    private static String send(Runnable call, String done, RedirectAttributes redirect) {
        try {
            call.run();
            if (done != null) {
                redirect.addFlashAttribute("saved", done);
            }
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection() && ex.status() != 404) {
                throw ex;
            }
            Map<String, String> errors = ex.problem().errors();
            redirect.addFlashAttribute("refused", (ex.status() == 409 ? "Refused by the core (conflict): " : "")
                    + (errors.isEmpty() ? ex.userMessage() : String.join("; ", errors.entrySet().stream()
                            .map(error -> error.getKey() + ": " + error.getValue()).toList())));
        }
        return PAGE;
    }

    private static Map<String, Object> bodyOf(Map<String, String> form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.getOrDefault("name", "").strip());
        body.put("folder", blankToNull(form.get("folder")));
        body.put("filter", form.getOrDefault("filter", "").strip());
        body.put("exceptionQuery", blankToNull(form.get("exceptionQuery")));
        body.put("exceptionTags", Arrays.stream(form.getOrDefault("exceptionTags", "").split(","))
                .map(String::strip).filter(tag -> !tag.isEmpty()).toList());
        body.put("muted", "true".equals(form.get("muted")) || "on".equals(form.get("muted")));
        return body;
    }

    /** A rule from the core as the form's text fields. */
    private static Map<String, String> formOf(Map<String, Object> rule) {
        Map<String, String> form = new LinkedHashMap<>();
        for (String field : List.of("id", "name", "folder", "filter", "exceptionQuery")) {
            Object value = rule.get(field);
            form.put(field, value == null ? "" : String.valueOf(value));
        }
        Object tags = rule.get("exceptionTags");
        form.put("exceptionTags", tags instanceof List<?> list
                ? String.join(", ", list.stream().map(String::valueOf).toList()) : "");
        form.put("muted", String.valueOf(Boolean.TRUE.equals(rule.get("muted"))));
        return form;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

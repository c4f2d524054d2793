package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

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

/** Threat Exchange tag dictionary: each tag's colour and how many indicators carry it; add, recolour, delete. */
@Controller
@ShellPage
class TagController {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST =
            new ParameterizedTypeReference<>() {
            };
    private static final String PAGE = "redirect:/cte/tags";

    private final CoreClient core;

    TagController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/cte/tags")
    String tags(Model model) {
        model.addAttribute("tags", core.get("/api/cte/tags/usage", LIST).stream().map(tag -> {
            Map<String, Object> withQuery = new LinkedHashMap<>(tag);
            withQuery.put("query", "tags == \"" + String.valueOf(tag.get("name")).replace("\\", "\\\\")
                    .replace("\"", "\\\"") + "\"");
            return withQuery;
        }).toList());
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", Map.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of("color", "#d73a49"));
        }
        return "cte/tags";
    }

    @PostMapping("/cte/tags")
    String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String color,
            RedirectAttributes redirect) {
        try {
            core.post("/api/cte/tags", Map.of("name", name, "color", color), Void.class);
            redirect.addFlashAttribute("saved", "Tag " + name.strip() + " saved.");
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
            redirect.addFlashAttribute("errors", ex.fieldErrors("name"));
            redirect.addFlashAttribute("form", Map.of("name", name, "color", color));
        }
        return PAGE;
    }

    @PostMapping("/cte/tags/{name}")
    String recolour(@PathVariable String name, @RequestParam(defaultValue = "") String color,
            RedirectAttributes redirect) {
        return send(() -> core.put("/api/cte/tags/{name}", Map.of("color", color), Void.class, name),
                "Tag " + name + " recoloured.", redirect);
    }

    @PostMapping("/cte/tags/{name}/delete")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        return send(() -> core.delete("/api/cte/tags/{name}", name),
                "Tag " + name + " deleted and removed from every indicator.", redirect);
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
            Map<String, String> errors = ex.problem().errors();
            redirect.addFlashAttribute("refused", errors.isEmpty() ? ex.userMessage()
                    : String.join("; ", errors.entrySet().stream()
                            .map(error -> error.getKey() + ": " + error.getValue()).toList()));
        }
        return PAGE;
    }
}

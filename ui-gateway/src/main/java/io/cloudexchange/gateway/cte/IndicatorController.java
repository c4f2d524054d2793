package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CorePage;
import io.cloudexchange.gateway.shell.ShellPage;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Threat Exchange: the indicators core-service has stored. */
@Controller
@ShellPage
class IndicatorController {

    private static final ParameterizedTypeReference<CorePage<Indicator>> INDICATORS =
            new ParameterizedTypeReference<>() {
            };

    private static final int PAGE_SIZE = 50;

    private final CoreClient core;

    IndicatorController(CoreClient core) {
        this.core = core;
    }

    private static final ParameterizedTypeReference<Map<String, List<Map<String, Object>>>> FIELDS =
            new ParameterizedTypeReference<>() {
            };

    /**
     * The indicators a query matches; a query the core refuses is shown with the core's reason next to the box.
     * With {@code field}, {@code op} and {@code value} (the filter builder), the condition is appended to the query
     * and the page reloads with the new query.
     */
    @GetMapping("/cte")
    String indicators(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q,
                      @RequestParam(defaultValue = "") String confirmDelete,
                      @RequestParam(defaultValue = "") String field, @RequestParam(defaultValue = "==") String op,
                      @RequestParam(defaultValue = "") String value, Model model, RedirectAttributes redirect) {
        List<Map<String, Object>> fields = queryFields();
        if (!field.isBlank()) {
            Map<String, Object> described = fields.stream().filter(f -> field.equals(f.get("name"))).findFirst()
                    .orElse(null);
            redirect.addAttribute("q", FilterBuilder.append(q, field, described, op, value));
            return "redirect:/cte";
        }
        model.addAttribute("fields", fields);
        model.addAttribute("operators", fields.stream()
                .flatMap(f -> f.get("operators") instanceof List<?> list ? list.stream().map(String::valueOf)
                        : java.util.stream.Stream.empty())
                .distinct().toList());
        model.addAttribute("q", q);
        model.addAttribute("confirmDelete", !confirmDelete.isBlank());
        try {
            model.addAttribute("indicators", core.get("/api/cte/indicators?page={page}&size={size}&q={q}", INDICATORS,
                    Math.max(0, page), PAGE_SIZE, q));
        }
        catch (CoreException ex) {
            if (ex.status() != 400) {
                throw ex;
            }
            model.addAttribute("queryError", ex.problem().errors().getOrDefault("q", ex.problem().detail()));
            model.addAttribute("indicators", new CorePage<Indicator>(List.of(), 0, PAGE_SIZE, 0));
        }
        return "cte/indicators";
    }

    /** The indicator fields of the query language, for the filter builder; none if the core does not say. */
    private List<Map<String, Object>> queryFields() {
        try {
            Map<String, List<Map<String, Object>>> catalogs = core.get("/api/query/fields", FIELDS);
            return catalogs == null ? List.of() : catalogs.getOrDefault("indicators", List.of());
        }
        catch (CoreException ex) {
            if (ex.status() >= 500) {
                throw ex;
            }
            return List.of();
        }
    }

    /**
     * Tags, untags or deletes the selected rows ({@code scope=selected}) or everything the query matches
     * ({@code scope=query}). Deleting by query asks for confirmation first ({@code confirmed=yes}).
     */
    @PostMapping("/cte/indicators/action")
    String act(@RequestParam String action, @RequestParam(defaultValue = "selected") String scope,
            @RequestParam(defaultValue = "") List<String> ids, @RequestParam(defaultValue = "") String q,
            @RequestParam(defaultValue = "") String tags, @RequestParam(defaultValue = "") String confirmed,
            RedirectAttributes redirect) {
        redirect.addAttribute("q", q);
        if (!List.of("tag", "untag", "delete").contains(action)) {
            redirect.addFlashAttribute("refused", "Unknown action: " + action);
            return "redirect:/cte";
        }
        boolean byQuery = "query".equals(scope);
        if (byQuery && "delete".equals(action) && !"yes".equals(confirmed)) {
            redirect.addAttribute("confirmDelete", "1");
            return "redirect:/cte";
        }
        List<String> selected = ids.stream().filter(id -> !id.isBlank()).toList();
        if (!byQuery && selected.isEmpty()) {
            redirect.addFlashAttribute("refused", "Select at least one indicator.");
            return "redirect:/cte";
        }
        Map<String, Object> body = new LinkedHashMap<>();
        if (byQuery) {
            body.put("q", q);
        }
        else {
            body.put("ids", selected);
        }
        if (!"delete".equals(action)) {
            body.put("tags", Arrays.stream(tags.split(",")).map(String::strip).filter(tag -> !tag.isEmpty())
                    .toList());
        }
        try {
            Map<?, ?> answer = core.post("/api/cte/indicators/{action}", body, Map.class, action);
            Object count = answer == null ? null : answer.get("count");
            redirect.addFlashAttribute("saved", switch (action) {
                case "tag" -> count + " indicators tagged.";
                case "untag" -> count + " indicators untagged.";
                default -> count + " indicators deleted.";
            });
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.problem().errors().isEmpty() ? ex.userMessage()
                    : String.join("; ", ex.problem().errors().entrySet().stream()
                            .map(error -> error.getKey() + ": " + error.getValue()).toList()));
        }
        return "redirect:/cte";
    }
}

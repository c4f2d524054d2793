package io.cloudexchange.gateway.cls;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Pull historical data" on the Log Shipper page: per SIEM mapping, an htmx panel with the from–to form and
 * the mapping's pulls with their progress. The panel polls itself every 2 s while a pull runs.
 */
@Controller
class HistoricalPullFragmentController {

    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    private static final String PANEL = "cls/history :: panel";

    private final CoreClient core;

    HistoricalPullFragmentController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/cls/siem-mappings/{id}/history")
    String panel(@PathVariable String id, Model model) {
        return render(id, model);
    }

    @PostMapping("/cls/siem-mappings/{id}/history")
    String start(@PathVariable String id, @RequestParam(defaultValue = "") String from,
                 @RequestParam(defaultValue = "") String to, Model model) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("mappingId", id);
        body.put("from", from.strip());
        body.put("to", to.strip());
        try {
            core.post("/api/cls/historical-pulls", body, Void.class);
            model.addAttribute("saved", "Historical pull started.");
        } catch (CoreException ex) {
            refused(ex, model);
            model.addAttribute("from", from);
            model.addAttribute("to", to);
        }
        return render(id, model);
    }

    @PostMapping("/cls/historical-pulls/{jobId}/cancel")
    String cancel(@PathVariable String jobId, @RequestParam String mappingId, Model model) {
        try {
            core.delete("/api/cls/historical-pulls/{id}", jobId);
            model.addAttribute("saved", "Historical pull cancelled.");
        } catch (CoreException ex) {
            refused(ex, model);
        }
        return render(mappingId, model);
    }

    private String render(String mappingId, Model model) {
        Map<String, Object> pulls = core.get("/api/cls/historical-pulls?mappingId={id}", OBJECT, mappingId);
        Object jobs = pulls.get("jobs");
        boolean running = jobs instanceof List<?> list && list.stream()
                .anyMatch(job -> job instanceof Map<?, ?> map && "RUNNING".equals(map.get("status")));
        model.addAttribute("mappingId", mappingId);
        model.addAttribute("pulls", pulls);
        model.addAttribute("running", running);
        return PANEL;
    }

    private static void refused(CoreException ex, Model model) {
        if (!ex.isFormRejection()) {
            throw ex;
        }
        Map<String, String> errors = ex.fieldErrors("mappingId");
        model.addAttribute("refused", errors.isEmpty() ? ex.userMessage() : errors.entrySet().stream()
                .map(error -> error.getKey() + ": " + error.getValue()).collect(Collectors.joining("; ")));
    }
}

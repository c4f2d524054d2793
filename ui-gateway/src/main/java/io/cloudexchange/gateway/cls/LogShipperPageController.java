package io.cloudexchange.gateway.cls;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.Module;
import io.cloudexchange.gateway.shell.ShellPage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Log Shipper: counters and a chart of events sent per minute, SIEM mappings, business rules and dead
 * letters with replay. The chart is plain SVG drawn from the core's per-minute counters (no library).
 */
@Controller
@ShellPage
class LogShipperPageController {

    private static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
    };
    static final int CHART_MINUTES = 60;
    static final int CHART_WIDTH = 600;
    static final int CHART_HEIGHT = 120;

    private final CoreClient core;

    LogShipperPageController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/cls")
    String page(@ModelAttribute("enabledModules") List<Module> enabledModules, Model model) {
        if (!enabledModules.contains(Module.CLS)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, Module.CLS.title() + " is turned off");
        }
        List<Map<String, Object>> counters = core.get("/api/cls/counters?minutes={minutes}", LIST, CHART_MINUTES);
        List<Map<String, Object>> configurations = core.get("/api/configurations", LIST).stream()
                .filter(configuration -> "CLS".equals(configuration.get("module"))).toList();
        Map<String, String> names = configurations.stream().collect(Collectors.toMap(
                configuration -> String.valueOf(configuration.get("id")),
                configuration -> String.valueOf(configuration.get("name")), (a, b) -> a));
        List<Map<String, Object>> rules = core.get("/api/cls/business-rules", LIST);
        rules.forEach(rule -> names.put(String.valueOf(rule.get("id")), String.valueOf(rule.get("name"))));
        model.addAttribute("counters", counters);
        model.addAttribute("mappings", core.get("/api/cls/siem-mappings", LIST));
        model.addAttribute("rules", rules);
        model.addAttribute("configurations", configurations);
        model.addAttribute("names", names);
        model.addAttribute("deadLetters", core.get("/api/cls/dead-letters?size=50", OBJECT));
        Chart chart = chart(counters, Instant.now());
        model.addAttribute("chart", chart);
        return "cls/log-shipper";
    }

    /** Events sent per minute over the last hour, all mappings together, as SVG polyline points. */
    record Chart(String points, long max, long total, int width, int height) {
    }

    @SuppressWarnings("unchecked")
    static Chart chart(List<Map<String, Object>> counters, Instant now) {
        Instant last = now.truncatedTo(ChronoUnit.MINUTES);
        Instant first = last.minus(CHART_MINUTES - 1L, ChronoUnit.MINUTES);
        TreeMap<Instant, Long> sent = new TreeMap<>();
        for (Instant minute = first; !minute.isAfter(last); minute = minute.plus(1, ChronoUnit.MINUTES)) {
            sent.put(minute, 0L);
        }
        for (Map<String, Object> mapping : counters) {
            Object series = mapping.get("series");
            if (!(series instanceof List<?> points)) {
                continue;
            }
            for (Object point : points) {
                Map<String, Object> values = (Map<String, Object>) point;
                Instant minute = Instant.parse(String.valueOf(values.get("minute")));
                Object counts = values.get("counts");
                long value = counts instanceof Map<?, ?> map && map.get("sent") instanceof Number number ? number.longValue() : 0;
                sent.computeIfPresent(minute, (key, old) -> old + value);
            }
        }
        long max = Math.max(1, sent.values().stream().mapToLong(Long::longValue).max().orElse(0));
        List<String> points = new ArrayList<>();
        int index = 0;
        for (long value : sent.values()) {
            long x = Math.round((double) index * CHART_WIDTH / (CHART_MINUTES - 1));
            long y = CHART_HEIGHT - Math.round((double) value * CHART_HEIGHT / max);
            points.add(x + "," + y);
            index++;
        }
        long total = sent.values().stream().mapToLong(Long::longValue).sum();
        return new Chart(String.join(" ", points), max, total, CHART_WIDTH, CHART_HEIGHT);
    }

    @PostMapping("/cls/siem-mappings")
    String createMapping(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (String field : List.of("name", "sourceConfigurationId", "businessRuleId", "destinationConfigurationId",
                "mappingFileId")) {
            String value = form.getOrDefault(field, "").strip();
            body.put(field, value.isEmpty() ? null : value);
        }
        body.put("onRepeatedFailure", repeatedFailure(form));
        return send(() -> core.post("/api/cls/siem-mappings", body, Void.class), "SIEM mapping saved.", redirect);
    }

    /** Keep retrying unless the admin chose otherwise; the attempt count goes to core as typed, which checks it. */
    private static Map<String, Object> repeatedFailure(Map<String, String> form) {
        String action = form.getOrDefault("repeatedFailureAction", "").strip();
        if (action.isEmpty() || action.equals("KEEP_RETRYING")) {
            return Map.of("action", "KEEP_RETRYING");
        }
        Map<String, Object> policy = new LinkedHashMap<>();
        policy.put("action", action);
        String attempts = form.getOrDefault("repeatedFailureAttempts", "").strip();
        policy.put("afterAttempts", attempts.matches("-?\\d{1,9}") ? Integer.valueOf(attempts) : null);
        return policy;
    }

    @PostMapping("/cls/siem-mappings/{id}/delete")
    String deleteMapping(@PathVariable String id, RedirectAttributes redirect) {
        return send(() -> core.delete("/api/cls/siem-mappings/{id}", id), "SIEM mapping deleted.", redirect);
    }

    @PostMapping("/cls/business-rules")
    String createRule(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String query,
            RedirectAttributes redirect) {
        Map<String, Object> body = Map.of("name", name.strip(), "query", query.strip());
        return send(() -> core.post("/api/cls/business-rules", body, Void.class), "Business rule saved.", redirect);
    }

    @PostMapping("/cls/business-rules/{id}/delete")
    String deleteRule(@PathVariable String id, RedirectAttributes redirect) {
        return send(() -> core.delete("/api/cls/business-rules/{id}", id), "Business rule deleted.", redirect);
    }

    @PostMapping("/cls/dead-letters/replay")
    String replay(@RequestParam(required = false) String mappingId, @RequestParam(required = false) String id,
            RedirectAttributes redirect) {
        Map<String, Object> body = id != null && !id.isBlank() ? Map.of("ids", List.of(id))
                : Map.of("mappingId", mappingId == null ? "" : mappingId);
        return send(() -> core.post("/api/cls/dead-letters/replay", body, Void.class),
                "Dead letters queued for delivery again.", redirect);
    }

    private static String send(Runnable call, String done, RedirectAttributes redirect) {
        try {
            call.run();
            redirect.addFlashAttribute("saved", done);
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure() && !ex.isFormRejection()) {
                throw ex;
            }
            Map<String, String> errors = ex.fieldErrors("name");
            redirect.addFlashAttribute("refused", errors.isEmpty() ? ex.userMessage()
                    : errors.entrySet().stream().map(error -> error.getKey() + ": " + error.getValue())
                            .collect(Collectors.joining("; ")));
        }
        return "redirect:/cls";
    }
}

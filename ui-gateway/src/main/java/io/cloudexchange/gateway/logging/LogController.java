package io.cloudexchange.gateway.logging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CorePage;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Logging page: core-service's audit and error log, newest first. */
@Controller
@ShellPage
class LogController {

    static final List<String> LEVELS = List.of("ERROR", "WARN", "INFO", "DEBUG");

    private static final ParameterizedTypeReference<CorePage<LogEntry>> LOG_PAGE = new ParameterizedTypeReference<>() {
    };

    private static final int PAGE_SIZE = 50;

    private final CoreClient core;

    LogController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/logging")
    String logs(@RequestParam(defaultValue = "") String level, @RequestParam(defaultValue = "") String errorCode,
            @RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Map<String, Object> filters = new LinkedHashMap<>();
        filters.put("page", Math.max(0, page));
        filters.put("size", PAGE_SIZE);
        putIfPresent(filters, "level", level);
        putIfPresent(filters, "errorCode", errorCode.strip());
        putIfPresent(filters, "q", q.strip());
        String uri = filters.keySet().stream().map(name -> name + "={" + name + "}")
                .collect(Collectors.joining("&", "/api/logs?", ""));
        model.addAttribute("logs", core.get(uri, LOG_PAGE, filters));
        model.addAttribute("levels", LEVELS);
        model.addAttribute("level", level);
        model.addAttribute("errorCode", errorCode);
        model.addAttribute("q", q);
        return "logging/logs";
    }

    private static void putIfPresent(Map<String, Object> filters, String name, String value) {
        if (!value.isEmpty()) {
            filters.put(name, value);
        }
    }
}

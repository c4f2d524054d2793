package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CorePage;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    @GetMapping("/cte")
    String indicators(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("indicators",
                core.get("/api/cte/indicators?page={page}&size={size}", INDICATORS, Math.max(0, page), PAGE_SIZE));
        return "cte/indicators";
    }
}

package io.cloudexchange.gateway.cte;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CorePage;
import io.cloudexchange.gateway.shell.ShellPage;

import java.util.List;
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

    /** The indicators a query matches; a query the core refuses is shown with the core's reason next to the box. */
    @GetMapping("/cte")
    String indicators(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "") String q,
                      Model model) {
        model.addAttribute("q", q);
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
}

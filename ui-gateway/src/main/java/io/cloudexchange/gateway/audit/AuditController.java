package io.cloudexchange.gateway.audit;

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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Logging > Audit, for the super admin and admins: who did what, newest first. The CSV export is a link to
 * {@code /api/audit/export}, which the gateway's API proxy streams from core with the session's token.
 */
@Controller
@ShellPage
class AuditController {

    static final List<String> ACTIONS = List.of("CREATE", "UPDATE", "DELETE", "LOGIN", "LOGIN_FAILED",
            "TOKEN_ISSUED", "PERMISSION_CHANGE", "PASSWORD_CHANGE", "PASSWORD_RESET");

    private static final ParameterizedTypeReference<CorePage<AuditEntry>> AUDIT_PAGE =
            new ParameterizedTypeReference<>() {
            };

    private static final int PAGE_SIZE = 50;

    private final CoreClient core;

    AuditController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/logging/audit")
    String audit(@RequestParam(defaultValue = "") String actor, @RequestParam(defaultValue = "") String action,
            @RequestParam(defaultValue = "") String from, @RequestParam(defaultValue = "") String to,
            @RequestParam(defaultValue = "0") int page, Model model) {
        AuditFilter filter = new AuditFilter(actor, action, from, to);
        Map<String, Object> query = new LinkedHashMap<>(filter.query());
        query.put("page", Math.max(0, page));
        query.put("size", PAGE_SIZE);
        model.addAttribute("audit", core.get(uriWith("/api/audit", query), AUDIT_PAGE, query));
        model.addAttribute("exportUrl", exportUrl(filter.query()));
        model.addAttribute("invalidDate", filter.invalidDate());
        model.addAttribute("actions", ACTIONS);
        model.addAttribute("actor", actor);
        model.addAttribute("action", action);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "audit/audit";
    }

    /** A URI template naming every parameter, so the client encodes the values. */
    private static String uriWith(String path, Map<String, Object> query) {
        return query.keySet().stream().map(name -> name + "={" + name + "}")
                .collect(Collectors.joining("&", path + "?", ""));
    }

    private static String exportUrl(Map<String, Object> filters) {
        UriComponentsBuilder export = UriComponentsBuilder.fromPath("/api/audit/export").queryParam("format", "csv");
        filters.forEach(export::queryParam);
        return export.build().encode().toUriString();
    }
}

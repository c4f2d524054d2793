package io.cloudexchange.gateway.auth;

import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.core.CoreUnavailableException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

    private final CoreClient core;

    LoginController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/login")
    String loginPage(Model model) {
        model.addAttribute("ssoEnabled", ssoEnabled());
        return "login";
    }

    /** Whether core offers OpenID Connect sign-in; local sign-in always stays. */
    private boolean ssoEnabled() {
        try {
            Map<?, ?> status = core.get("/api/auth/sso", Map.class);
            return status != null && Boolean.TRUE.equals(status.get("oidc"));
        }
        catch (CoreException | CoreUnavailableException ex) {
            return false;
        }
    }
}

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
        Map<?, ?> status = ssoStatus();
        model.addAttribute("ssoEnabled", Boolean.TRUE.equals(status.get("oidc")));
        model.addAttribute("samlEnabled", Boolean.TRUE.equals(status.get("saml")));
        return "login";
    }

    /** Which single sign-on core offers (OpenID Connect, SAML); local sign-in always stays. */
    private Map<?, ?> ssoStatus() {
        try {
            Map<?, ?> status = core.get("/api/auth/sso", Map.class);
            return status == null ? Map.of() : status;
        }
        catch (CoreException | CoreUnavailableException ex) {
            return Map.of();
        }
    }
}

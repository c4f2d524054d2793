package io.cloudexchange.gateway.auth;

import java.util.Map;

import io.cloudexchange.gateway.core.CoreAuthentication;
import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The password change core-service forces on first login, also reachable from the user menu. */
@Controller
class PasswordChangeController {

    private final CoreClient core;
    private final SecurityContextRepository securityContextRepository;

    PasswordChangeController(CoreClient core, SecurityContextRepository securityContextRepository) {
        this.core = core;
        this.securityContextRepository = securityContextRepository;
    }

    @GetMapping("/change-password")
    String form(Model model) {
        model.addAttribute("errors", Map.of());
        return "change-password";
    }

    @PostMapping("/change-password")
    String change(@RequestParam String currentPassword, @RequestParam String newPassword,
            @RequestParam String confirmPassword, Model model, HttpServletRequest request,
            HttpServletResponse response) {
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("errors", Map.of("confirmPassword", "does not match the new password"));
            return "change-password";
        }
        try {
            core.post("/api/auth/password", Map.of("currentPassword", currentPassword, "newPassword", newPassword),
                    Void.class);
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            model.addAttribute("errors", ex.problem().errors());
            model.addAttribute("message", ex.userMessage());
            return "change-password";
        }
        renewLogin(newPassword, request, response);
        return "redirect:/";
    }

    /** Core may have issued the old token as "password change required"; log in again for a full one. */
    private void renewLogin(String newPassword, HttpServletRequest request, HttpServletResponse response) {
        String username = SecurityContextHolder.getContext().getAuthentication().getName();
        CoreAuthentication renewed = CoreAuthenticationProvider.logIn(core, username, newPassword);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(renewed);
        SecurityContextHolder.setContext(context);
        request.changeSessionId();
        securityContextRepository.saveContext(context, request, response);
    }
}

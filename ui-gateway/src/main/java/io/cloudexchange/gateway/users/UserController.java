package io.cloudexchange.gateway.users;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Settings > Users, for the super admin (core refuses everyone else). A generated temporary password is handed to
 * the next page as a flash attribute, so it is shown exactly once.
 */
@Controller
@ShellPage
class UserController {

    private static final ParameterizedTypeReference<List<User>> USERS = new ParameterizedTypeReference<>() {
    };

    private static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {
    };

    private final CoreClient core;

    UserController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/settings/users")
    String list(Model model) {
        model.addAttribute("users", core.get("/api/users", USERS));
        return "users/list";
    }

    @GetMapping("/settings/users/new")
    String newUser(Model model) {
        return form(User.blank(), Map.of(), null, model);
    }

    @GetMapping("/settings/users/{id}")
    String edit(@PathVariable String id, Model model) {
        return form(core.get("/api/users/{id}", User.class, id), Map.of(), null, model);
    }

    @PostMapping({ "/settings/users", "/settings/users/{id}" })
    String save(@PathVariable(required = false) String id, @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") List<String> roles, @RequestParam(defaultValue = "false") boolean active,
            Model model, RedirectAttributes redirect) {
        List<String> chosenRoles = roles.stream().filter(role -> !role.isBlank()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("roles", chosenRoles);
        body.put("active", active);
        try {
            if (id == null) {
                body.put("username", username.strip());
                TemporaryPassword created = core.post("/api/users", body, TemporaryPassword.class);
                showOnce(created, "created", redirect);
            }
            else {
                User saved = core.put("/api/users/{id}", body, User.class, id);
                redirect.addFlashAttribute("saved", "User " + saved.username() + " saved.");
            }
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            String shownName = id == null ? username : core.get("/api/users/{id}", User.class, id).username();
            User entered = new User(id, shownName, chosenRoles, active, false, false, null);
            return form(entered, ex.fieldErrors("username"), ex.userMessage(), model);
        }
        return "redirect:/settings/users";
    }

    @PostMapping("/settings/users/{id}/reset-password")
    String resetPassword(@PathVariable String id, RedirectAttributes redirect) {
        showOnce(core.post("/api/users/{id}/reset-password", Map.of(), TemporaryPassword.class, id), "reset", redirect);
        return "redirect:/settings/users";
    }

    @PostMapping("/settings/users/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        try {
            core.delete("/api/users/{id}", id);
            redirect.addFlashAttribute("saved", "User deleted.");
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
        }
        return "redirect:/settings/users";
    }

    private static void showOnce(TemporaryPassword answer, String event, RedirectAttributes redirect) {
        redirect.addFlashAttribute("temporaryPassword", answer.temporaryPassword());
        redirect.addFlashAttribute("temporaryPasswordUser", answer.user().username());
        redirect.addFlashAttribute("temporaryPasswordEvent", event);
    }

    private String form(User user, Map<String, String> errors, String message, Model model) {
        List<String> roleChoices = core.get("/api/roles", ROLES).stream().map(Role::name)
                .filter(role -> !Role.SUPER_ADMIN.equals(role) || user.roles().contains(role)).toList();
        model.addAttribute("user", user);
        model.addAttribute("roleChoices", roleChoices);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        return "users/form";
    }
}

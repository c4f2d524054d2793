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

/** Settings > Roles, for the super admin: built-in roles to read, custom roles to manage. */
@Controller
@ShellPage
class RoleController {

    private static final ParameterizedTypeReference<List<Role>> ROLES = new ParameterizedTypeReference<>() {
    };

    private static final String PERMISSION_PARAMETER = "permission.";

    private final CoreClient core;

    RoleController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/settings/roles")
    String list(Model model) {
        model.addAttribute("roles", core.get("/api/roles", ROLES));
        model.addAttribute("areas", Role.AREAS);
        return "roles/list";
    }

    @GetMapping("/settings/roles/new")
    String newRole(Model model) {
        return form(Role.blank(), false, Map.of(), null, model);
    }

    @GetMapping("/settings/roles/{name}")
    String edit(@PathVariable String name, Model model) {
        return form(core.get("/api/roles/{name}", Role.class, name), true, Map.of(), null, model);
    }

    @PostMapping({ "/settings/roles", "/settings/roles/{existingName}" })
    String save(@PathVariable(required = false) String existingName, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam Map<String, String> form, Model model,
            RedirectAttributes redirect) {
        String roleName = existingName == null ? name.strip() : existingName;
        Map<String, String> permissions = new LinkedHashMap<>();
        Role.AREAS.forEach(area -> permissions.put(area, form.getOrDefault(PERMISSION_PARAMETER + area, "NONE")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", roleName);
        body.put("description", description.strip());
        body.put("permissions", permissions);
        try {
            if (existingName == null) {
                core.post("/api/roles", body, Void.class);
            }
            else {
                core.put("/api/roles/{name}", body, Void.class, existingName);
            }
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            Role entered = new Role(roleName, description, false, permissions);
            return form(entered, existingName != null, ex.fieldErrors("name"), ex.userMessage(), model);
        }
        redirect.addFlashAttribute("saved", "Role " + roleName + " saved.");
        return "redirect:/settings/roles";
    }

    @PostMapping("/settings/roles/{name}/delete")
    String delete(@PathVariable String name, RedirectAttributes redirect) {
        try {
            core.delete("/api/roles/{name}", name);
            redirect.addFlashAttribute("saved", "Role " + name + " deleted.");
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            redirect.addFlashAttribute("refused", ex.userMessage());
        }
        return "redirect:/settings/roles";
    }

    private static String form(Role role, boolean existing, Map<String, String> errors, String message,
            Model model) {
        model.addAttribute("role", role);
        model.addAttribute("existing", existing);
        model.addAttribute("levels", Role.LEVELS);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        return "roles/form";
    }
}

package io.cloudexchange.gateway.shell;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** Pages of modules whose features arrive in a later release. */
@Controller
@ShellPage
class ModulePlaceholderController {

    private static final List<Module> PLACEHOLDERS = List.of(Module.CTO, Module.CRE, Module.ARE);

    @GetMapping("/{code:cto|cre|are}")
    String placeholder(@PathVariable String code, @ModelAttribute("enabledModules") List<Module> enabledModules,
            Model model) {
        Module module = Module.valueOf(code.toUpperCase());
        if (!PLACEHOLDERS.contains(module) || !enabledModules.contains(module)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, module.title() + " is turned off");
        }
        model.addAttribute("module", module);
        return "module-placeholder";
    }
}

package io.cloudexchange.gateway.plugins;

import java.io.IOException;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/** Settings > Plugins: what is installed, and uploading a plugin jar. */
@Controller
@ShellPage
class PluginController {

    private final PluginCatalog catalog;
    private final CoreClient core;

    PluginController(PluginCatalog catalog, CoreClient core) {
        this.catalog = catalog;
        this.core = core;
    }

    @GetMapping("/settings/plugins")
    String list(Model model) {
        model.addAttribute("plugins", catalog.all());
        return "plugins/list";
    }

    /** The browser's multipart body goes to core unparsed, so large jars are never held in memory. */
    @PostMapping(path = "/settings/plugins", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(HttpServletRequest request, Model model) throws IOException {
        try {
            Plugin installed = core.postStream("/api/plugins", MediaType.parseMediaType(request.getContentType()),
                    request.getInputStream(), Plugin.class);
            model.addAttribute("uploaded", installed == null ? "Plugin installed." : "Installed " + installed.name()
                    + " " + installed.version() + ".");
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            model.addAttribute("refused", ex.problem().errors().getOrDefault("file", ex.userMessage()));
        }
        model.addAttribute("plugins", catalog.all());
        return "plugins/list :: section";
    }
}

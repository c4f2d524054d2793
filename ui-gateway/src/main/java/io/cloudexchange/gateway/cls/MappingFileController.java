package io.cloudexchange.gateway.cls;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Log Shipper > Mapping files: list, copy, upload, download (through the API proxy) and edit as JSON text,
 * with core's errors (one per JSON path) shown next to the editor. Shipped defaults are shown read-only.
 */
@Controller
@ShellPage
class MappingFileController {

    private static final ParameterizedTypeReference<List<MappingFile>> FILES = new ParameterizedTypeReference<>() {
    };
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final CoreClient core;

    MappingFileController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/cls/mapping-files")
    String list(Model model) {
        model.addAttribute("files", core.get("/api/cls/mapping-files", FILES));
        return "cls/mapping-files";
    }

    @PostMapping(path = "/cls/mapping-files/upload", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(HttpServletRequest request, Model model, RedirectAttributes redirect) throws IOException {
        try {
            MappingFile created = core.postStream("/api/cls/mapping-files/upload",
                    MediaType.parseMediaType(request.getContentType()), request.getInputStream(), MappingFile.class);
            redirect.addFlashAttribute("saved", "Uploaded " + created.name() + ".");
            return "redirect:/cls/mapping-files";
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            model.addAttribute("refused", ex.userMessage());
            model.addAttribute("refusedErrors", ex.fieldErrors("name"));
            return list(model);
        }
    }

    @PostMapping("/cls/mapping-files/{id}/copy")
    String copy(@PathVariable String id, RedirectAttributes redirect) {
        MappingFile copy = core.post("/api/cls/mapping-files/{id}/copy", Map.of(), MappingFile.class, id);
        redirect.addFlashAttribute("saved", "Copied to " + copy.name() + ": edit it below.");
        return "redirect:/cls/mapping-files/" + copy.id();
    }

    @GetMapping("/cls/mapping-files/{id}")
    String edit(@PathVariable String id, Model model) {
        MappingFile file = core.get("/api/cls/mapping-files/{id}", MappingFile.class, id);
        return form(file, file.name(), PRETTY.writeValueAsString(file.content()), Map.of(), null, model);
    }

    @PostMapping("/cls/mapping-files/{id}")
    String save(@PathVariable String id, @RequestParam String name, @RequestParam String content, Model model,
            RedirectAttributes redirect) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name.strip());
        body.put("content", content);
        try {
            core.put("/api/cls/mapping-files/{id}", body, Void.class, id);
        }
        catch (CoreException ex) {
            if (!ex.isFormRejection()) {
                throw ex;
            }
            MappingFile stored = core.get("/api/cls/mapping-files/{id}", MappingFile.class, id);
            return form(stored, name, content, ex.fieldErrors("name"), ex.userMessage(), model);
        }
        redirect.addFlashAttribute("saved", "Mapping file " + name.strip() + " saved.");
        return "redirect:/cls/mapping-files/" + id;
    }

    @PostMapping("/cls/mapping-files/{id}/delete")
    String delete(@PathVariable String id, RedirectAttributes redirect) {
        core.delete("/api/cls/mapping-files/{id}", id);
        redirect.addFlashAttribute("saved", "Mapping file deleted.");
        return "redirect:/cls/mapping-files";
    }

    private static String form(MappingFile file, String name, String content, Map<String, String> errors, String message,
            Model model) {
        Map<String, String> contentErrors = new LinkedHashMap<>();
        errors.forEach((field, problem) -> {
            if (field.equals("content") || field.startsWith("content.")) {
                contentErrors.put(field.equals("content") ? "(file)" : field.substring("content.".length()), problem);
            }
        });
        model.addAttribute("file", file);
        model.addAttribute("fileName", name);
        model.addAttribute("fileText", content);
        model.addAttribute("nameError", errors.get("name"));
        model.addAttribute("contentErrors", contentErrors);
        model.addAttribute("message", message);
        return "cls/mapping-file";
    }
}

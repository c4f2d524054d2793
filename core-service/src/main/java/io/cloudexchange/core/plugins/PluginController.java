package io.cloudexchange.core.plugins;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigStep;
import io.cloudexchange.plugin.api.config.FieldType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/plugins")
@Tag(name = "Plugins", description = "Bundled and custom plugins with their configuration forms")
class PluginController {

    private final PluginRegistry registry;
    private final PlatformLog platformLog;

    PluginController(PluginRegistry registry, PlatformLog platformLog) {
        this.registry = registry;
        this.platformLog = platformLog;
    }

    @GetMapping
    @Operation(summary = "List plugins")
    List<PluginResponse> list() {
        return registry.all().stream().map(PluginResponse::of).sorted(Comparator.comparing(PluginResponse::name)).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One plugin with its configuration schema")
    PluginResponse get(@PathVariable String id) {
        return registry.find(id).map(PluginResponse::of).orElseThrow(() -> new NotFoundException("Plugin", id));
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Upload a custom plugin jar", description = "Refused jars answer 400 with the reason in errors.file.")
    PluginResponse upload(@AuthenticationPrincipal Jwt token, @RequestParam("file") MultipartFile file) throws IOException {
        if (file.isEmpty()) {
            throw InvalidRequestException.field("file", "is empty");
        }
        LoadedPlugin installed;
        try (InputStream jar = file.getInputStream()) {
            installed = registry.install(jar, file.getOriginalFilename());
        } catch (PluginRejectedException e) {
            throw InvalidRequestException.field("file", e.getMessage());
        }
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Plugin " + installed.id() + " " + installed.descriptor().version()
                + " installed by " + Actor.from(token).describe());
        return PluginResponse.of(installed);
    }

    record PluginResponse(String id, String name, String version, String description, List<PlatformModule> modules,
                          List<Capability> capabilities, String minimumPlatformVersion, LoadedPlugin.Source source,
                          SchemaView schema) {

        static PluginResponse of(LoadedPlugin plugin) {
            PluginDescriptor d = plugin.descriptor();
            return new PluginResponse(d.id(), d.name(), d.version(), d.description(), d.modules().stream().sorted().toList(),
                    d.capabilities().stream().sorted().toList(), d.minimumPlatformVersion(), plugin.source(),
                    SchemaView.of(plugin.plugin().configSchema()));
        }
    }

    record SchemaView(List<StepView> steps) {
        static SchemaView of(ConfigSchema schema) {
            return new SchemaView(schema.steps().stream().map(StepView::of).toList());
        }
    }

    record StepView(String name, String label, List<FieldView> fields) {
        static StepView of(ConfigStep step) {
            return new StepView(step.name(), step.label(), step.fields().stream().map(FieldView::of).toList());
        }
    }

    record FieldView(String key, String label, FieldType type, boolean mandatory, Object defaultValue,
                     String description, String placeholder, List<Choice> choices, Double min, Double max,
                     Integer maxLength) {
        static FieldView of(ConfigField f) {
            return new FieldView(f.key(), f.label(), f.type(), f.mandatory(), f.isSecret() ? null : f.defaultValue(),
                    f.description(), f.placeholder(), f.choices(), f.min(), f.max(), f.maxLength());
        }
    }
}

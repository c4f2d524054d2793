package io.cloudexchange.core.settings;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.plugin.api.PlatformModule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/modules")
@Tag(name = "Settings", description = "Platform-wide settings")
class ModuleSettingsController {

    private final SettingsService settings;
    private final PlatformLog platformLog;

    ModuleSettingsController(SettingsService settings, PlatformLog platformLog) {
        this.settings = settings;
        this.platformLog = platformLog;
    }

    @GetMapping
    @Operation(summary = "Which modules are enabled")
    Map<PlatformModule, Boolean> get() {
        return settings.current().modules();
    }

    @PutMapping
    @Operation(summary = "Enable or disable modules", description = "Modules left out keep their current state.")
    Map<PlatformModule, Boolean> update(@AuthenticationPrincipal Jwt token, @RequestBody Map<PlatformModule, Boolean> changes) {
        Map<PlatformModule, Boolean> modules = new EnumMap<>(settings.current().modules());
        changes.forEach((module, enabled) -> {
            if (enabled == null) {
                throw InvalidRequestException.field(module.name(), "must be true or false");
            }
            modules.put(module, enabled);
        });
        Map<PlatformModule, Boolean> saved = settings.updateModules(modules).modules();
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Modules set to " + saved + " by " + Actor.from(token).describe());
        return saved;
    }
}

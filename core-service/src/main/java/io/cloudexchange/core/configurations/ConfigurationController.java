package io.cloudexchange.core.configurations;

import io.cloudexchange.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/configurations")
@Tag(name = "Plugin configurations", description = "Configured plugin instances, checked against the plugin's schema")
class ConfigurationController {

    private final ConfigurationService service;

    ConfigurationController(ConfigurationService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List configurations with their last pull")
    List<ConfigurationResponse> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One configuration")
    ConfigurationResponse get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a configuration",
            description = "Parameters are checked against the plugin's schema, then by the plugin itself. Secret parameters are never returned.")
    ConfigurationResponse create(@AuthenticationPrincipal Jwt token, @RequestBody ConfigurationRequest request) {
        return service.create(Actor.from(token), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a configuration", description = "An empty or missing secret parameter keeps the stored one.")
    ConfigurationResponse update(@AuthenticationPrincipal Jwt token, @PathVariable String id,
                                 @RequestBody ConfigurationRequest request) {
        return service.update(Actor.from(token), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a configuration and its pull state")
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        service.delete(Actor.from(token), id);
    }

    @PostMapping("/{id}/pull")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Run the configuration's pull now")
    void pullNow(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        service.runNow(Actor.from(token), id);
    }
}

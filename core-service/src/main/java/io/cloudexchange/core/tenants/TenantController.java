package io.cloudexchange.core.tenants;

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
@RequestMapping("/api/tenants")
@Tag(name = "Netskope tenants", description = "Tenant addresses and API tokens (tokens are never returned)")
class TenantController {

    private final TenantService service;

    TenantController(TenantService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List tenants")
    List<TenantResponse> list() {
        return service.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One tenant")
    TenantResponse get(@PathVariable String id) {
        return service.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a tenant", description = "url is normalised to https://<tenant>.goskope.com; v2Token is required.")
    TenantResponse create(@AuthenticationPrincipal Jwt token, @RequestBody TenantRequest request) {
        return service.create(Actor.from(token), request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a tenant", description = "An empty or missing token keeps the stored one.")
    TenantResponse update(@AuthenticationPrincipal Jwt token, @PathVariable String id, @RequestBody TenantRequest request) {
        return service.update(Actor.from(token), id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a tenant")
    void delete(@AuthenticationPrincipal Jwt token, @PathVariable String id) {
        service.delete(Actor.from(token), id);
    }
}

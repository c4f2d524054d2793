package io.cloudexchange.core.auth;

import io.cloudexchange.core.security.Actor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/clients")
@Tag(name = "Authentication")
class ApiClientController {

    private final ApiClients apiClients;

    ApiClientController(ApiClients apiClients) {
        this.apiClients = apiClients;
    }

    @GetMapping
    @Operation(summary = "List your own API clients (never their secrets)")
    List<ClientResponse> list(@AuthenticationPrincipal Jwt token) {
        return apiClients.list(Actor.from(token));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create an API client", description = "The client secret is in this answer only.")
    CreatedClientResponse create(@AuthenticationPrincipal Jwt token, @Valid @RequestBody CreateClientRequest request) {
        return apiClients.create(Actor.from(token), request);
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of your API clients; its tokens stop working at once")
    void revoke(@AuthenticationPrincipal Jwt token, @PathVariable String clientId) {
        apiClients.revoke(Actor.from(token), clientId);
    }
}

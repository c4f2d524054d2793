package io.cloudexchange.core.auth;

import io.cloudexchange.core.security.Actor;
import io.cloudexchange.core.users.Role;
import io.cloudexchange.core.users.RolePermissions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.MediaType;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api")
@Tag(name = "Authentication", description = "Sign-in, API client tokens, password change")
class AuthController {

    private final SignIn signIn;
    private final ApiClients apiClients;
    private final RolePermissions permissions;

    AuthController(SignIn signIn, ApiClients apiClients, RolePermissions permissions) {
        this.permissions = permissions;
        this.signIn = signIn;
        this.apiClients = apiClients;
    }

    @PostMapping("/auth/login")
    @SecurityRequirements
    @Operation(summary = "Sign in with username and password",
            description = "Five failed attempts lock the account for 15 minutes. The answer is the same whether or not the user exists.")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return signIn.login(request.username(), request.password());
    }

    @PostMapping(path = "/auth", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @SecurityRequirements
    @Operation(summary = "Exchange API client credentials for a bearer token (form)")
    TokenResponse clientCredentialsForm(@RequestParam(name = "grant_type", required = false) String grantType,
                                        @RequestParam(name = "client_id", required = false) String clientId,
                                        @RequestParam(name = "client_secret", required = false) String clientSecret) {
        return apiClients.exchange(new ClientCredentialsRequest(grantType, clientId, clientSecret));
    }

    @PostMapping(path = "/auth", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Exchange API client credentials for a bearer token (JSON)")
    TokenResponse clientCredentialsJson(@RequestBody ClientCredentialsRequest request) {
        return apiClients.exchange(request);
    }

    @PostMapping("/auth/password")
    @Operation(summary = "Change your own password",
            description = "At least 12 characters and different from the current one. Sign in again afterwards.")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@AuthenticationPrincipal Jwt token, @RequestBody PasswordChangeRequest request) {
        signIn.changePassword(Actor.from(token), request);
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user and what they may do",
            description = "permissions per area (NONE, READ, WRITE), auditLog and usersAndRoles: a guide for showing actions")
    MeResponse me(@AuthenticationPrincipal Jwt token) {
        Actor actor = Actor.from(token);
        boolean superAdmin = actor.roles().contains(Role.SUPER_ADMIN.name());
        return new MeResponse(actor.username(), actor.roles(), actor.passwordChangeRequired(),
                permissions.of(actor.roles()), superAdmin || actor.roles().contains(Role.ADMIN.name()), superAdmin);
    }
}

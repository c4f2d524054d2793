package io.cloudexchange.core.sso;

import io.cloudexchange.core.auth.TokenResponse;
import io.cloudexchange.core.sso.saml.SamlSignIn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/sso")
@Tag(name = "Authentication")
class SsoController {

    private final OidcSignIn oidc;
    private final SamlSignIn saml;

    SsoController(OidcSignIn oidc, SamlSignIn saml) {
        this.oidc = oidc;
        this.saml = saml;
    }

    @GetMapping
    @SecurityRequirements
    @Operation(summary = "Whether single sign-on is offered on the login page")
    Map<String, Boolean> status() {
        return Map.of("oidc", oidc.enabled(), "saml", saml.enabled());
    }

    @PostMapping("/oidc/authorize")
    @SecurityRequirements
    @Operation(summary = "The identity provider URL for one OpenID Connect sign-in (state, nonce, PKCE S256 challenge from the caller)")
    Map<String, String> authorize(@RequestBody OidcStartRequest request) {
        return Map.of("authorizationUri", oidc.authorizationUri(request));
    }

    @PostMapping("/oidc/login")
    @SecurityRequirements
    @Operation(summary = "Redeem an OpenID Connect authorization code for a platform token",
            description = "The core redeems the code with the client secret and the PKCE verifier, and checks the ID "
                    + "token's signature, issuer, audience, expiry and nonce. 401 when refused.")
    TokenResponse login(@RequestBody OidcLoginRequest request) {
        return oidc.login(request);
    }
}

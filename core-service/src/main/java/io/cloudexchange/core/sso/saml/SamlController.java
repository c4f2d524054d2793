package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.auth.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth/sso/saml")
@Tag(name = "Authentication")
class SamlController {

    static final MediaType METADATA_TYPE = MediaType.parseMediaType("application/samlmetadata+xml");

    private final SamlSignIn saml;

    SamlController(SamlSignIn saml) {
        this.saml = saml;
    }

    @PostMapping("/authorize")
    @SecurityRequirements
    @Operation(summary = "The IdP URL (HTTP-Redirect binding) carrying a new AuthnRequest and the caller's RelayState")
    Map<String, String> authorize(@RequestBody SamlStartRequest request) {
        return Map.of("redirectUrl", saml.redirectUrl(request));
    }

    @PostMapping("/login")
    @SecurityRequirements
    @Operation(summary = "Exchange a SAML Response posted to the ACS for a platform token",
            description = "The Response must answer an outstanding AuthnRequest started with the same RelayState, be "
                    + "signed by a configured IdP certificate and pass every check in docs/security.md. 401 when refused.")
    TokenResponse login(@RequestBody SamlLoginRequest request) {
        return saml.login(request);
    }

    @GetMapping("/metadata")
    @SecurityRequirements
    @Operation(summary = "The service provider's SAML metadata (404 until an SP base URL is configured)")
    ResponseEntity<String> metadata() {
        String metadata = saml.metadata();
        return metadata == null ? ResponseEntity.notFound().build()
                : ResponseEntity.ok().contentType(METADATA_TYPE).body(metadata);
    }
}

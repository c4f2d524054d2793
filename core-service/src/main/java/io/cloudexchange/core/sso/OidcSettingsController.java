package io.cloudexchange.core.sso;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/sso")
@Tag(name = "Settings")
class OidcSettingsController {

    private final OidcSettingsService settings;

    OidcSettingsController(OidcSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "OpenID Connect single sign-on settings (super admin; never the client secret)")
    OidcSettingsResponse get() {
        return OidcSettingsResponse.of(settings.current());
    }

    @PutMapping
    @Operation(summary = "Change OpenID Connect single sign-on settings (super admin)",
            description = "An empty or missing clientSecret keeps the stored one. defaultRole: a role for users in no "
                    + "mapped group, or \"deny\". SUPER_ADMIN cannot be mapped.")
    OidcSettingsResponse update(@RequestBody OidcSettingsRequest request) {
        return OidcSettingsResponse.of(settings.update(request));
    }
}

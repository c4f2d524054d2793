package io.cloudexchange.core.sso.saml;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/settings/sso/saml")
@Tag(name = "Settings")
class SamlSettingsController {

    private final SamlSettingsService settings;

    SamlSettingsController(SamlSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Operation(summary = "SAML 2.0 single sign-on settings (super admin), with the SP entity id and ACS URL to register at the IdP")
    SamlSettingsResponse get() {
        return settings.response(settings.current());
    }

    @PutMapping
    @Operation(summary = "Change SAML 2.0 single sign-on settings (super admin)",
            description = "Either metadataXml (the IdP's metadata) or idpEntityId + ssoUrl + certificates (PEM). "
                    + "defaultRole: a role for users in no mapped group, or \"deny\". SUPER_ADMIN cannot be mapped. "
                    + "warnings lists expired or not yet valid certificates.")
    SamlSettingsResponse update(@RequestBody SamlSettingsRequest request) {
        return settings.response(settings.update(request));
    }
}

package io.cloudexchange.gateway.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.cloudexchange.gateway.core.CoreClient;
import io.cloudexchange.gateway.core.CoreException;
import io.cloudexchange.gateway.shell.ShellPage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Settings > SSO (super admin): OpenID Connect sign-in; core refuses everyone else. */
@Controller
@ShellPage
class SsoSettingsController {

    private final CoreClient core;

    SsoSettingsController(CoreClient core) {
        this.core = core;
    }

    @GetMapping("/settings/sso")
    String sso(Model model) {
        return page(model, core.get("/api/settings/sso", SsoSettings.class), Map.of(), null);
    }

    @PostMapping("/settings/sso/saml")
    String saveSaml(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String spBaseUrl,
            @RequestParam(defaultValue = "") String metadataXml, @RequestParam(defaultValue = "") String idpEntityId,
            @RequestParam(defaultValue = "") String ssoUrl, @RequestParam(defaultValue = "") String certificates,
            @RequestParam(defaultValue = "") String usernameAttribute,
            @RequestParam(defaultValue = "groups") String groupsAttribute, @RequestParam(defaultValue = "") String groupRoles,
            @RequestParam(defaultValue = "deny") String defaultRole, Model model, RedirectAttributes redirect) {
        List<SsoSettings.GroupRoles> mappings = parseMappings(groupRoles);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("spBaseUrl", spBaseUrl.strip());
        body.put("metadataXml", metadataXml);
        body.put("idpEntityId", idpEntityId.strip());
        body.put("ssoUrl", ssoUrl.strip());
        body.put("certificates", certificates);
        body.put("usernameAttribute", usernameAttribute.strip());
        body.put("groupsAttribute", groupsAttribute.strip());
        body.put("groupRoles", mappings);
        body.put("defaultRole", defaultRole.strip());
        try {
            core.put("/api/settings/sso/saml", body, Void.class);
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            SamlSsoSettings stored = core.get("/api/settings/sso/saml", SamlSsoSettings.class);
            model.addAttribute("saml", new SamlSsoSettings(enabled, spBaseUrl, stored.spEntityId(), stored.acsUrl(),
                    stored.spMetadataUrl(), idpEntityId, ssoUrl, stored.certificates(), usernameAttribute, groupsAttribute,
                    mappings, defaultRole, stored.warnings()));
            model.addAttribute("samlErrors", ex.problem().errors());
            model.addAttribute("samlMessage", ex.userMessage());
            model.addAttribute("samlMetadataXml", metadataXml);
            model.addAttribute("samlCertificates", certificates);
            return page(model, core.get("/api/settings/sso", SsoSettings.class), Map.of(), null);
        }
        redirect.addFlashAttribute("saved", "SAML single sign-on settings saved.");
        return "redirect:/settings/sso";
    }

    @PostMapping("/settings/sso")
    String save(@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(defaultValue = "") String issuerUri,
            @RequestParam(defaultValue = "") String clientId, @RequestParam(defaultValue = "") String clientSecret,
            @RequestParam(defaultValue = "openid profile email") String scopes,
            @RequestParam(defaultValue = "groups") String groupsClaim, @RequestParam(defaultValue = "") String groupRoles,
            @RequestParam(defaultValue = "deny") String defaultRole, Model model, RedirectAttributes redirect) {
        List<SsoSettings.GroupRoles> mappings = parseMappings(groupRoles);
        List<String> scopeList = Arrays.stream(scopes.trim().split("[\\s,]+")).filter(s -> !s.isEmpty()).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", enabled);
        body.put("issuerUri", issuerUri.strip());
        body.put("clientId", clientId.strip());
        if (!clientSecret.isEmpty()) {
            body.put("clientSecret", clientSecret);
        }
        body.put("scopes", scopeList);
        body.put("groupsClaim", groupsClaim.strip());
        body.put("groupRoles", mappings);
        body.put("defaultRole", defaultRole.strip());
        try {
            core.put("/api/settings/sso", body, Void.class);
        }
        catch (CoreException ex) {
            if (!ex.isValidationFailure()) {
                throw ex;
            }
            SsoSettings stored = core.get("/api/settings/sso", SsoSettings.class);
            SsoSettings typed = new SsoSettings(enabled, issuerUri, clientId, stored != null && stored.clientSecretSet(),
                    scopeList, groupsClaim, mappings, defaultRole);
            return page(model, typed, ex.problem().errors(), ex.userMessage());
        }
        redirect.addFlashAttribute("saved", "Single sign-on settings saved.");
        return "redirect:/settings/sso";
    }

    private String page(Model model, SsoSettings settings, Map<String, String> errors, String message) {
        if (!model.containsAttribute("saml")) {
            model.addAttribute("saml", core.get("/api/settings/sso/saml", SamlSsoSettings.class));
            model.addAttribute("samlCertificates", ((SamlSsoSettings) model.getAttribute("saml")).certificatesPem());
        }
        SamlSsoSettings saml = (SamlSsoSettings) model.getAttribute("saml");
        model.addAttribute("samlBaseUrl", saml.spBaseUrl() != null ? saml.spBaseUrl()
                : ServletUriComponentsBuilder.fromCurrentContextPath().toUriString());
        if (!model.containsAttribute("samlErrors")) {
            model.addAttribute("samlErrors", Map.of());
        }
        model.addAttribute("sso", settings);
        model.addAttribute("errors", errors);
        model.addAttribute("message", message);
        model.addAttribute("redirectUri",
                ServletUriComponentsBuilder.fromCurrentContextPath().path("/login/sso/callback").toUriString());
        return "settings/sso";
    }

    /** {@code group = ROLE_A, ROLE_B} per line; blank lines ignored. */
    static List<SsoSettings.GroupRoles> parseMappings(String text) {
        List<SsoSettings.GroupRoles> mappings = new ArrayList<>();
        for (String line : text.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = line.indexOf('=');
            String group = (equals < 0 ? line : line.substring(0, equals)).strip();
            String roles = equals < 0 ? "" : line.substring(equals + 1);
            mappings.add(new SsoSettings.GroupRoles(group, new java.util.LinkedHashSet<>(
                    Arrays.stream(roles.split(",")).map(String::strip).filter(r -> !r.isEmpty()).toList())));
        }
        return mappings;
    }
}

package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.sso.SsoRoleRules;
import java.net.URI;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Service;

/** Reads, validates and changes the SAML settings (audited). */
@Service
public class SamlSettingsService {

    private final MongoTemplate mongo;
    private final SsoRoleRules roleRules;
    private final AuditLog auditLog;
    private final Clock clock;

    SamlSettingsService(MongoTemplate mongo, SsoRoleRules roleRules, AuditLog auditLog, Clock clock) {
        this.mongo = mongo;
        this.roleRules = roleRules;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    public SamlSettings current() {
        SamlSettings stored = mongo.findById(SamlSettings.ID, SamlSettings.class);
        return stored == null ? SamlSettings.off() : stored;
    }

    SamlSettingsResponse response(SamlSettings settings) {
        return SamlSettingsResponse.of(settings, clock.instant());
    }

    SamlSettings update(SamlSettingsRequest request) {
        SamlSettings before = current();
        Map<String, String> problems = new LinkedHashMap<>();
        String idpEntityId = blankToNull(request.idpEntityId());
        String ssoUrl = blankToNull(request.ssoUrl());
        List<X509Certificate> certificates = new ArrayList<>();
        if (request.hasMetadata()) {
            try {
                IdpMetadata metadata = IdpMetadata.parse(request.metadataXml());
                idpEntityId = metadata.entityId();
                ssoUrl = metadata.ssoUrl();
                certificates.addAll(metadata.certificates());
            } catch (IllegalArgumentException e) {
                problems.put("metadataXml", e.getMessage());
            }
        } else if (request.certificates() != null && !request.certificates().isBlank()) {
            try {
                certificates.addAll(IdpCertificates.parsePem(request.certificates()));
            } catch (IllegalArgumentException e) {
                problems.put("certificates", e.getMessage());
            }
        }
        for (X509Certificate certificate : certificates) {
            String unusable = IdpCertificates.unusable(certificate);
            if (unusable != null) {
                problems.put(request.hasMetadata() ? "metadataXml" : "certificates", unusable);
            }
        }
        String baseUrl = blankToNull(request.spBaseUrl());
        baseUrl = baseUrl == null ? null : baseUrl.replaceAll("/+$", "");
        SamlSettings after = new SamlSettings(SamlSettings.ID, Boolean.TRUE.equals(request.enabled()), baseUrl,
                idpEntityId, ssoUrl, certificates.stream().map(IdpCertificates::toPem).toList(),
                blankToNull(request.usernameAttribute()), blankToNull(request.groupsAttribute()), request.groupRoles(),
                SsoRoleRules.defaultRoleOf(request.defaultRole()));
        check(after, problems);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
        SamlSettings saved = mongo.save(after);
        auditLog.record(AuditAction.UPDATE, "sso_settings", SamlSettings.ID, AuditChanges.of()
                .field("enabled", before.enabled(), saved.enabled())
                .field("spBaseUrl", before.spBaseUrl(), saved.spBaseUrl())
                .field("idpEntityId", before.idpEntityId(), saved.idpEntityId())
                .field("ssoUrl", before.ssoUrl(), saved.ssoUrl())
                .field("certificates", fingerprints(before), fingerprints(saved))
                .field("usernameAttribute", before.usernameAttribute(), saved.usernameAttribute())
                .field("groupsAttribute", before.groupsAttribute(), saved.groupsAttribute())
                .field("groupRoles", before.groupRoles().toString(), saved.groupRoles().toString())
                .field("defaultRole", before.defaultRole(), saved.defaultRole()));
        return saved;
    }

    private void check(SamlSettings settings, Map<String, String> problems) {
        boolean on = settings.enabled();
        if (settings.spBaseUrl() == null) {
            if (on) {
                problems.put("spBaseUrl", "is required");
            }
        } else if (!isUrl(settings.spBaseUrl(), true) || URI.create(settings.spBaseUrl()).getRawQuery() != null
                || URI.create(settings.spBaseUrl()).getRawFragment() != null) {
            problems.put("spBaseUrl", "must be the gateway's https URL, without query or fragment");
        }
        if (problems.containsKey("metadataXml")) {
            return;
        }
        if (on && settings.idpEntityId() == null) {
            problems.put("idpEntityId", "is required");
        }
        if (settings.ssoUrl() == null) {
            if (on) {
                problems.put("ssoUrl", "is required");
            }
        } else if (!isUrl(settings.ssoUrl(), false)) {
            problems.put("ssoUrl", "must be an http(s) URL");
        }
        if (on && settings.certificates().isEmpty() && !problems.containsKey("certificates")) {
            problems.put("certificates", "at least one IdP signing certificate (PEM) is required");
        }
        roleRules.check(settings.groupRoles(), settings.defaultRole(), problems);
    }

    private static String fingerprints(SamlSettings settings) {
        return settings.certificates().stream()
                .map(pem -> IdpCertificates.sha256Fingerprint(IdpCertificates.parsePem(pem).get(0))).toList().toString();
    }

    private static boolean isUrl(String value, boolean httpsOnly) {
        try {
            URI uri = URI.create(value);
            boolean scheme = "https".equals(uri.getScheme()) || !httpsOnly && "http".equals(uri.getScheme());
            return scheme && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}

package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.secrets.SecretCipher;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads, validates and changes the OpenID Connect settings (audited; the client secret encrypted). */
@Service
public class OidcSettingsService {

    /** The {@code defaultRole} value that refuses users in no mapped group. */
    public static final String DENY = SsoRoleRules.DENY;

    private final OidcSettingsRepository repository;
    private final SecretCipher cipher;
    private final SsoRoleRules roleRules;
    private final AuditLog auditLog;

    OidcSettingsService(OidcSettingsRepository repository, SecretCipher cipher, SsoRoleRules roleRules,
                        AuditLog auditLog) {
        this.repository = repository;
        this.cipher = cipher;
        this.roleRules = roleRules;
        this.auditLog = auditLog;
    }

    public OidcSettings current() {
        return repository.findById(OidcSettings.ID).orElseGet(OidcSettings::off);
    }

    OidcSettings update(OidcSettingsRequest request) {
        OidcSettings before = current();
        String defaultRole = SsoRoleRules.defaultRoleOf(request.defaultRole());
        String secret = request.keepsSecret() ? before.encryptedClientSecret() : cipher.encrypt(request.clientSecret());
        OidcSettings after = new OidcSettings(OidcSettings.ID, Boolean.TRUE.equals(request.enabled()),
                blankToNull(request.issuerUri()), blankToNull(request.clientId()), secret, request.scopes(),
                request.groupsClaim(), request.groupRoles(), defaultRole);
        Map<String, String> problems = problems(after);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
        OidcSettings saved = repository.save(after);
        auditLog.record(AuditAction.UPDATE, "sso_settings", OidcSettings.ID, AuditChanges.of()
                .field("enabled", before.enabled(), saved.enabled())
                .field("issuerUri", before.issuerUri(), saved.issuerUri())
                .field("clientId", before.clientId(), saved.clientId())
                .field("clientSecret", before.encryptedClientSecret() == null ? null : AuditChanges.MASK,
                        request.keepsSecret() ? (saved.encryptedClientSecret() == null ? null : AuditChanges.MASK)
                                : AuditChanges.MASK + " (new)")
                .field("scopes", before.scopes(), saved.scopes())
                .field("groupsClaim", before.groupsClaim(), saved.groupsClaim())
                .field("groupRoles", before.groupRoles().toString(), saved.groupRoles().toString())
                .field("defaultRole", before.defaultRole(), saved.defaultRole()));
        return saved;
    }

    private Map<String, String> problems(OidcSettings settings) {
        Map<String, String> problems = new LinkedHashMap<>();
        if (settings.enabled() || settings.issuerUri() != null) {
            if (settings.issuerUri() == null) {
                problems.put("issuerUri", "is required");
            } else if (!isHttpUri(settings.issuerUri())) {
                problems.put("issuerUri", "must be an http(s) URL");
            }
        }
        if (settings.enabled() && settings.clientId() == null) {
            problems.put("clientId", "is required");
        }
        if (settings.enabled() && settings.encryptedClientSecret() == null) {
            problems.put("clientSecret", "is required");
        }
        if (!settings.scopes().contains("openid")) {
            problems.put("scopes", "must include openid");
        }
        roleRules.check(settings.groupRoles(), settings.defaultRole(), problems);
        return problems;
    }

    private static boolean isHttpUri(String value) {
        try {
            URI uri = URI.create(value);
            return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}

package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.users.CustomRoleRepository;
import io.cloudexchange.core.users.Role;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads, validates and changes the OpenID Connect settings (audited; the client secret encrypted). */
@Service
public class OidcSettingsService {

    /** The {@code defaultRole} value that refuses users in no mapped group. */
    public static final String DENY = "deny";

    private final OidcSettingsRepository repository;
    private final SecretCipher cipher;
    private final CustomRoleRepository customRoles;
    private final AuditLog auditLog;

    OidcSettingsService(OidcSettingsRepository repository, SecretCipher cipher, CustomRoleRepository customRoles,
                        AuditLog auditLog) {
        this.repository = repository;
        this.cipher = cipher;
        this.customRoles = customRoles;
        this.auditLog = auditLog;
    }

    public OidcSettings current() {
        return repository.findById(OidcSettings.ID).orElseGet(OidcSettings::off);
    }

    OidcSettings update(OidcSettingsRequest request) {
        OidcSettings before = current();
        String defaultRole = request.defaultRole() == null || request.defaultRole().isBlank()
                || DENY.equalsIgnoreCase(request.defaultRole()) ? null : request.defaultRole();
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
        for (int i = 0; i < settings.groupRoles().size(); i++) {
            OidcSettings.GroupRoles mapping = settings.groupRoles().get(i);
            if (mapping.group() == null || mapping.group().isBlank()) {
                problems.put("groupRoles[" + i + "].group", "is required");
            }
            roleProblem(List.copyOf(mapping.roles())).ifPresent(p -> problems.put("groupRoles[" + mapping.group() + "].roles", p));
        }
        if (settings.defaultRole() != null) {
            roleProblem(List.of(settings.defaultRole())).ifPresent(p -> problems.put("defaultRole", p));
        }
        return problems;
    }

    private java.util.Optional<String> roleProblem(List<String> roles) {
        if (roles.isEmpty()) {
            return java.util.Optional.of("at least one role is required");
        }
        for (String role : roles) {
            if (Role.SUPER_ADMIN.name().equals(role)) {
                return java.util.Optional.of("SUPER_ADMIN cannot be granted through single sign-on");
            }
            if (Role.named(role).isEmpty() && !customRoles.existsById(role)) {
                return java.util.Optional.of("unknown role '" + role + "'");
            }
        }
        return java.util.Optional.empty();
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

package io.cloudexchange.core.tenants;

import io.cloudexchange.core.api.ConflictException;
import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.NotFoundException;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.core.secrets.SecretCipher;
import io.cloudexchange.core.security.Actor;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.tenant.TenantCheck;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;

/** Netskope tenants: checked against the tenant on every save, tokens encrypted, names unique. */
@Service
class TenantService {

    private static final String WHAT = "Tenant";

    private final TenantRepository repository;
    private final SecretCipher cipher;
    private final TenantChecks checks;
    private final PlatformLog platformLog;
    private final Clock clock;

    TenantService(TenantRepository repository, SecretCipher cipher, TenantChecks checks, PlatformLog platformLog,
                  Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.checks = checks;
        this.platformLog = platformLog;
        this.clock = clock;
    }

    List<TenantResponse> list() {
        return repository.findAll(Sort.by("name")).stream().map(TenantResponse::of).toList();
    }

    TenantResponse get(String id) {
        return TenantResponse.of(find(id));
    }

    TenantResponse create(Actor actor, TenantRequest request) {
        Tenant saved = repository.insert(toTenant(request, null));
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Tenant '" + saved.name() + "' created by " + actor.describe());
        return TenantResponse.of(saved);
    }

    TenantResponse update(Actor actor, String id, TenantRequest request) {
        Tenant saved = repository.save(toTenant(request, find(id)));
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Tenant '" + saved.name() + "' updated by " + actor.describe());
        return TenantResponse.of(saved);
    }

    void delete(Actor actor, String id) {
        Tenant tenant = find(id);
        repository.deleteById(id);
        platformLog.info(PlatformLog.PLATFORM_SOURCE, "Tenant '" + tenant.name() + "' deleted by " + actor.describe());
    }

    private Tenant find(String id) {
        return repository.findById(id).orElseThrow(() -> new NotFoundException(WHAT, id));
    }

    /**
     * Checks the fields, then asks the tenant whether the token reads every selected type; throws
     * before anything is saved when either fails.
     */
    private Tenant toTenant(TenantRequest request, Tenant stored) {
        String url = checkFields(request, stored);
        boolean useSystemProxy = request.useSystemProxy() != null && request.useSystemProxy();
        List<String> alertTypes = request.alertTypesOr(stored);
        List<String> eventTypes = request.eventTypesOr(stored);
        String v2Token = TenantRequest.isEmpty(request.v2Token())
                ? cipher.decrypt(stored.encryptedV2Token()) : request.v2Token();
        ValidationResult probe = checks.probe(new TenantCheck(url, v2Token, alertTypes, eventTypes), useSystemProxy);
        if (!probe.isValid()) {
            throw new InvalidRequestException(probe.fieldErrors(), probe.message());
        }
        Instant now = clock.instant();
        return new Tenant(stored == null ? null : stored.id(), request.name(), url,
                encryptedOrKept(request.v2Token(), stored == null ? null : stored.encryptedV2Token()),
                encryptedOrKept(request.v1Token(), stored == null ? null : stored.encryptedV1Token()),
                alertTypes, eventTypes, request.alertsDays(), request.eventsHours(), useSystemProxy,
                stored == null ? now : stored.createdAt(), now, stored == null ? null : stored.version());
    }

    /** The normalised URL, once every field is valid and the name is free. */
    private String checkFields(TenantRequest request, Tenant stored) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (request.name().isEmpty()) {
            errors.put("name", "is required");
        } else if (request.name().length() > TenantRequest.MAX_NAME_LENGTH) {
            errors.put("name", "must be at most " + TenantRequest.MAX_NAME_LENGTH + " characters");
        }
        String url = normalisedUrl(request.url(), errors);
        if (TenantRequest.isEmpty(request.v2Token()) && stored == null) {
            errors.put("v2Token", "is required");
        }
        checkTokenLength("v2Token", request.v2Token(), errors);
        checkTokenLength("v1Token", request.v1Token(), errors);
        checkRange("alertsInitialRangeDays", request.alertsDays(), TenantRequest.MAX_ALERTS_DAYS, errors);
        checkRange("eventsInitialRangeHours", request.eventsHours(), TenantRequest.MAX_EVENTS_HOURS, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors, null);
        }
        repository.findByName(request.name())
                .filter(other -> stored == null || !other.id().equals(stored.id()))
                .ifPresent(other -> {
                    throw ConflictException.nameUsed(request.name());
                });
        return url;
    }

    private String normalisedUrl(String typed, Map<String, String> errors) {
        if (typed == null || typed.isBlank()) {
            errors.put("url", "is required");
            return null;
        }
        try {
            return checks.normaliseUrl(typed);
        } catch (IllegalArgumentException e) {
            errors.put("url", e.getMessage());
            return null;
        }
    }

    private String encryptedOrKept(String token, String storedEncrypted) {
        return TenantRequest.isEmpty(token) ? storedEncrypted : cipher.encrypt(token);
    }

    private static void checkTokenLength(String field, String token, Map<String, String> errors) {
        if (token != null && token.length() > TenantRequest.MAX_TOKEN_LENGTH) {
            errors.put(field, "must be at most " + TenantRequest.MAX_TOKEN_LENGTH + " characters");
        }
    }

    private static void checkRange(String field, int value, int max, Map<String, String> errors) {
        if (value < 1 || value > max) {
            errors.put(field, "must be between 1 and " + max);
        }
    }
}

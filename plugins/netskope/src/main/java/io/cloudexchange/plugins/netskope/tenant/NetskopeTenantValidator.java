package io.cloudexchange.plugins.netskope.tenant;

import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugin.api.tenant.TenantCheck;
import io.cloudexchange.plugin.api.tenant.TenantValidator;
import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.tenant.ProbeResult.Outcome;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The platform's tenant check: {@link TenantUrl} for the address, {@link TenantProbe} for the token,
 * with problems keyed by the tenant API's fields. Missing scopes are reported on the token, since the
 * token is what has to change.
 */
public final class NetskopeTenantValidator implements TenantValidator {

    static final String PROBE_INDEX_BASE = "ce_tenant";

    @Override
    public String normaliseUrl(String text, boolean allowLoopback) {
        TenantUrl url = TenantUrl.parse(text);
        if (url.isLoopback() && !allowLoopback) {
            throw new InvalidTenantUrlException("'" + text.trim() + "' is a local address, not a Netskope tenant; "
                    + "expected e.g. https://acme.goskope.com");
        }
        return url.toString();
    }

    @Override
    public ValidationResult validate(TenantCheck check, HttpClient client, String userAgent) {
        ValidationResult.Builder problems = ValidationResult.builder();
        List<DataExportType> types = new ArrayList<>();
        collect(check.alertTypes(), LogType.ALERT, ALERT_TYPES, types, problems);
        collect(check.eventTypes(), LogType.EVENT, EVENT_TYPES, types, problems);
        if (check.alertTypes().isEmpty() && check.eventTypes().isEmpty()) {
            problems.field(ALERT_TYPES, "Choose at least one alert or event type to check the token with");
        }
        TenantUrl tenant;
        try {
            tenant = TenantUrl.parse(check.url());
        } catch (InvalidTenantUrlException e) {
            return problems.field(URL, e.getMessage()).build();
        }
        if (problems.build().isValid()) {
            report(new TenantProbe(client, userAgent, Clock.systemUTC()).probe(tenant, check.v2Token(), types,
                    PROBE_INDEX_BASE), problems);
        }
        return problems.build();
    }

    private static void collect(List<String> names, LogType family, String field, List<DataExportType> types,
                                ValidationResult.Builder problems) {
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            DataExportType.find(family, name).ifPresentOrElse(types::add, () -> unknown.add(name));
        }
        if (!unknown.isEmpty()) {
            List<DataExportType> known = family == LogType.ALERT ? DataExportType.ALERTS : DataExportType.EVENTS;
            problems.field(field, "Unknown types " + String.join(", ", unknown) + "; choose from "
                    + known.stream().map(DataExportType::name).collect(Collectors.joining(", ")));
        }
    }

    private static void report(List<ProbeResult> results, ValidationResult.Builder problems) {
        for (ProbeResult result : results) {
            if (result.outcome() == Outcome.TOKEN_INVALID) {
                problems.field(V2_TOKEN, "The token is invalid or expired (HTTP 401)");
            } else if (result.outcome() == Outcome.UNREACHABLE) {
                problems.field(URL, result.detail());
            }
        }
        String missing = results.stream().filter(r -> r.outcome() == Outcome.MISSING_SCOPES)
                .map(ProbeResult::missingScope).collect(Collectors.joining(", "));
        if (!missing.isEmpty()) {
            problems.field(V2_TOKEN, "The token is missing scopes: " + missing
                    + " (HTTP 403); add them to the token or deselect these types");
        }
    }
}

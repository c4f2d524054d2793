package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.HistoricalLogSourcePlugin;
import io.cloudexchange.plugin.api.cls.HistoricalPage;
import io.cloudexchange.plugin.api.cls.HistoricalRange;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.log.LogRecord;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugins.netskope.dataexport.DataExportClient;
import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.dataexport.HistoricalPuller;
import io.cloudexchange.plugins.netskope.dataexport.IteratorPuller;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import io.cloudexchange.plugins.netskope.http.RetryPolicy;
import io.cloudexchange.plugins.netskope.http.Sleeper;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import io.cloudexchange.plugins.netskope.tenant.InvalidTenantUrlException;
import io.cloudexchange.plugins.netskope.tenant.ProbeResult;
import io.cloudexchange.plugins.netskope.tenant.TenantProbe;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Log Shipper source for a Netskope tenant: one stream per selected alert and event type, each read
 * with its own dataexport iterator ({@link IndexNames}). See {@link IteratorPuller} for why a crash
 * never skips a page. Historical pulls read a range on an iterator of their own per job
 * ({@link IndexNames#historical}), so they never move the live one.
 */
public final class NetskopeLogSourcePlugin implements HistoricalLogSourcePlugin {

    static final String PULL_FAILED = "NETSKOPE-1001";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "netskope-logs",
            "Netskope alerts and events",
            "1.0.0",
            "Pulls alerts and events from a Netskope tenant with the REST API v2 dataexport iterators.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PULL));

    private final RetryPolicy retryPolicy;
    private final Sleeper sleeper;

    public NetskopeLogSourcePlugin() {
        this(RetryPolicy.DEFAULT, Sleeper.REAL);
    }

    NetskopeLogSourcePlugin(RetryPolicy retryPolicy, Sleeper sleeper) {
        this.retryPolicy = retryPolicy;
        this.sleeper = sleeper;
    }

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return NetskopeSettings.SCHEMA;
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        NetskopeSettings settings = NetskopeSettings.from(context.config());
        TenantUrl tenant;
        try {
            tenant = settings.tenant();
        } catch (InvalidTenantUrlException e) {
            return ValidationResult.fieldError(NetskopeSettings.TENANT_URL, e.getMessage());
        }
        if (settings.types().isEmpty()) {
            return ValidationResult.fieldError(NetskopeSettings.ALERT_TYPES, "Choose at least one alert or event type");
        }
        List<ProbeResult> results = new TenantProbe(context.httpClient(), context.userAgent(), context.clock())
                .probe(tenant, settings.v2Token(), settings.types(), IndexNames.base(context.configurationId()));
        return ProbeResults.toValidation(results);
    }

    @Override
    public List<LogStream> streams(PluginContext context) {
        return NetskopeSettings.from(context.config()).types().stream()
                .map(type -> new LogStream(type.family(), type.name()))
                .toList();
    }

    @Override
    public PullPage<LogRecord> pullLogs(PluginContext context, LogStream stream, Checkpoint checkpoint) {
        DataExportType type = type(stream);
        NetskopeSettings settings = NetskopeSettings.from(context.config());
        return guarded(context, settings, type, () -> puller(context, settings).pull(
                IndexNames.of(context.configurationId(), type), type, checkpoint, settings.initialRange(type)));
    }

    @Override
    public HistoricalPage pullHistorical(PluginContext context, LogStream stream, HistoricalRange range,
                                         Checkpoint checkpoint) {
        DataExportType type = type(stream);
        NetskopeSettings settings = NetskopeSettings.from(context.config());
        return guarded(context, settings, type, () -> new HistoricalPuller(puller(context, settings)).pull(
                IndexNames.historical(context.configurationId(), range.jobId(), type), type, range, checkpoint));
    }

    private static DataExportType type(LogStream stream) {
        return DataExportType.find(stream.type(), stream.subtype()).orElseThrow(() ->
                new IllegalArgumentException("Netskope has no " + stream.key() + " data"));
    }

    private IteratorPuller puller(PluginContext context, NetskopeSettings settings) {
        TenantHttp http = new TenantHttp(context.httpClient(), settings.tenant(), settings.v2Token(),
                context.userAgent(), context.storage(), context.clock(), retryPolicy, sleeper);
        return new IteratorPuller(new DataExportClient(http), http, context.storage(), context.clock(), sleeper);
    }

    private interface Pull<T> {
        T run() throws InterruptedException;
    }

    private static <T> T guarded(PluginContext context, NetskopeSettings settings, DataExportType type, Pull<T> pull) {
        try {
            return pull.run();
        } catch (NetskopeApiException e) {
            context.logger().error("Pulling " + type + " from " + settings.tenant() + " failed: " + e.getMessage(),
                    PULL_FAILED);
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pulling " + type, e);
        }
    }

    /** Field-keyed problems from probe results. */
    static final class ProbeResults {

        private ProbeResults() {
        }

        static ValidationResult toValidation(List<ProbeResult> results) {
            ValidationResult.Builder builder = ValidationResult.builder();
            for (ProbeResult result : results) {
                switch (result.outcome()) {
                    case TOKEN_INVALID -> builder.field(NetskopeSettings.V2_TOKEN, result.detail());
                    case UNREACHABLE -> builder.field(NetskopeSettings.TENANT_URL, result.detail());
                    default -> { }
                }
            }
            missingScopes(builder, results, LogType.ALERT, NetskopeSettings.ALERT_TYPES);
            missingScopes(builder, results, LogType.EVENT, NetskopeSettings.EVENT_TYPES);
            return builder.build();
        }

        private static void missingScopes(ValidationResult.Builder builder, List<ProbeResult> results,
                                          LogType family, String field) {
            String scopes = results.stream()
                    .filter(r -> r.outcome() == ProbeResult.Outcome.MISSING_SCOPES && r.type().family() == family)
                    .map(ProbeResult::missingScope)
                    .collect(Collectors.joining(", "));
            if (!scopes.isEmpty()) {
                builder.field(field, "The token lacks the scopes " + scopes + " (HTTP 403): add them to the token"
                        + " or deselect these types");
            }
        }
    }
}

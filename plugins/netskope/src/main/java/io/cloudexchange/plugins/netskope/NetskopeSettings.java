package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration of a Netskope source.
 *
 * @param tenantUrl as typed; {@link #tenant()} normalises it
 */
record NetskopeSettings(String tenantUrl, String v2Token, List<DataExportType> types, Duration alertRange,
                        Duration eventRange) {

    static final String TENANT_URL = "tenant_url";
    static final String V2_TOKEN = "v2_token";
    static final String ALERT_TYPES = "alert_types";
    static final String EVENT_TYPES = "event_types";
    static final String DAYS = "initial_range_days";
    static final String HOURS = "initial_range_hours";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(TENANT_URL, "Tenant URL").required()
                    .withPlaceholder("https://acme.goskope.com")
                    .withDescription("Your tenant: https://acme.goskope.com, acme.eu.goskope.com or the short name acme.eu."),
            ConfigField.password(V2_TOKEN, "V2 API token").required()
                    .withDescription("A REST API v2 token with read access to the dataexport endpoints of the chosen types."),
            ConfigField.multichoice(ALERT_TYPES, "Alert types", choices(DataExportType.ALERTS))
                    .withDefault(List.of("dlp", "malware", "malsite", "policy")),
            ConfigField.multichoice(EVENT_TYPES, "Event types", choices(DataExportType.EVENTS))
                    .withDefault(List.of("application", "audit")),
            ConfigField.number(DAYS, "Initial range for alerts (days)").range(0, 365).withDefault(7)
                    .withDescription("The first pull of an alert type starts this many days back."),
            ConfigField.number(HOURS, "Initial range for events (hours)").range(0, 8760).withDefault(1)
                    .withDescription("The first pull of an event type starts this many hours back."));

    static NetskopeSettings from(ConfigValues values) {
        List<DataExportType> types = new ArrayList<>();
        for (String name : values.list(ALERT_TYPES)) {
            DataExportType.find(LogType.ALERT, name).ifPresent(types::add);
        }
        for (String name : values.list(EVENT_TYPES)) {
            DataExportType.find(LogType.EVENT, name).ifPresent(types::add);
        }
        return new NetskopeSettings(values.string(TENANT_URL, ""), values.string(V2_TOKEN, ""), List.copyOf(types),
                Duration.ofDays(values.number(DAYS, 7)), Duration.ofHours(values.number(HOURS, 1)));
    }

    TenantUrl tenant() {
        return TenantUrl.parse(tenantUrl);
    }

    Duration initialRange(DataExportType type) {
        return type.family() == LogType.ALERT ? alertRange : eventRange;
    }

    private static List<Choice> choices(List<DataExportType> types) {
        return types.stream().map(t -> new Choice(t.label(), t.name())).toList();
    }
}

package io.cloudexchange.plugins.netskope;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.log.LogType;
import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.tenant.TenantUrl;
import java.time.Duration;
import java.util.List;

/** The configuration of the Netskope Threat Exchange plugin. */
record NetskopeThreatSettings(String tenantUrl, String v2Token, String v1Token, List<DataExportType> pullTypes,
                              Duration initialRange) {

    static final String TENANT_URL = "tenant_url";
    static final String V2_TOKEN = "v2_token";
    static final String V1_TOKEN = "v1_token";
    static final String PULL_TYPES = "pull_alert_types";
    static final String DAYS = "initial_range_days";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(TENANT_URL, "Tenant URL").required()
                    .withPlaceholder("https://acme.goskope.com")
                    .withDescription("Your tenant: https://acme.goskope.com, acme.eu.goskope.com or the short name acme.eu."),
            ConfigField.password(V2_TOKEN, "V2 API token").required()
                    .withDescription("REST API v2 token: dataexport scopes of the pulled alert types, and"
                            + " /api/v2/policy/urllist and /api/v2/profiles/destinations to share."),
            ConfigField.password(V1_TOKEN, "V1 API token")
                    .withDescription("Needed only to share file hashes (the file hash list has only a v1 API)."),
            ConfigField.multichoice(PULL_TYPES, "Pull indicators from", List.of(
                            new Choice("Malware alerts (file hashes)", "malware"),
                            new Choice("Malsite alerts (URLs, hosts, IPv4)", "malsite")))
                    .withDefault(List.of("malware", "malsite"))
                    .withDescription("Leave empty to use this configuration only to share indicators."),
            ConfigField.number(DAYS, "Initial range (days)").range(0, 365).withDefault(7)
                    .withDescription("The first pull starts this many days back."));

    static NetskopeThreatSettings from(ConfigValues values) {
        List<DataExportType> types = values.list(PULL_TYPES).stream()
                .flatMap(name -> DataExportType.find(LogType.ALERT, name).stream())
                .filter(type -> type.name().equals("malware") || type.name().equals("malsite"))
                .toList();
        return new NetskopeThreatSettings(values.string(TENANT_URL, ""), values.string(V2_TOKEN, ""),
                values.string(V1_TOKEN, ""), types, Duration.ofDays(values.number(DAYS, 7)));
    }

    TenantUrl tenant() {
        return TenantUrl.parse(tenantUrl);
    }
}

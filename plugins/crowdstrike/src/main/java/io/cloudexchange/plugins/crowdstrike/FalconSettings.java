package io.cloudexchange.plugins.crowdstrike;

import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.time.Duration;

/** The configuration of a CrowdStrike Falcon IOC configuration. */
record FalconSettings(String baseUrl, String clientId, String clientSecret, boolean pull, boolean skipOwn,
                      Duration initialRange, int pageSize) {

    static final String BASE_URL = "base_url";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final String PULL = "pull_enabled";
    static final String SKIP_OWN = "skip_own_iocs";
    static final String DAYS = "initial_range_days";
    static final String PAGE_SIZE = "page_size";
    /** The {@code source} of every IOC this plugin creates. */
    static final String SOURCE = "Cloud Exchange";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(BASE_URL, "API base URL").required().withDefault("https://api.crowdstrike.com")
                    .withMaxLength(2048)
                    .withDescription("us-1: https://api.crowdstrike.com, us-2: https://api.us-2.crowdstrike.com,"
                            + " eu-1: https://api.eu-1.crowdstrike.com, us-gov-1: https://api.laggar.gcw.crowdstrike.com"),
            ConfigField.text(CLIENT_ID, "Client ID").required().withMaxLength(200),
            ConfigField.password(CLIENT_SECRET, "Client secret").required()
                    .withDescription("An API client with the IOC Management scope (read to pull, write to share)."),
            ConfigField.bool(PULL, "Pull IOCs").withDefault(true),
            ConfigField.bool(SKIP_OWN, "Skip IOCs shared by Cloud Exchange").withDefault(true)
                    .withDescription("Pull only IOCs whose source is not \"" + SOURCE + "\", so shared ones do not come back."),
            ConfigField.number(DAYS, "Initial range (days)").range(0, 365).withDefault(7),
            ConfigField.number(PAGE_SIZE, "IOCs per request").range(1, 2000).withDefault(2000));

    static FalconSettings from(ConfigValues values) {
        return new FalconSettings(values.string(BASE_URL, "https://api.crowdstrike.com").strip().replaceAll("/+$", ""),
                values.string(CLIENT_ID, "").strip(), values.string(CLIENT_SECRET, ""), values.bool(PULL, true),
                values.bool(SKIP_OWN, true), Duration.ofDays(values.number(DAYS, 7)),
                (int) values.number(PAGE_SIZE, 2000));
    }
}

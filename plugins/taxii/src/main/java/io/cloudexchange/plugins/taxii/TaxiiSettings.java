package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** The configuration of a TAXII 2.1 source. */
record TaxiiSettings(String discoveryUrl, String apiRoot, List<String> collections, String username, String password,
                     String headerName, String headerValue, Duration initialRange, int pageSize) {

    static final String DISCOVERY_URL = "discovery_url";
    static final String API_ROOT = "api_root";
    static final String COLLECTIONS = "collections";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String HEADER_NAME = "api_key_header";
    static final String HEADER_VALUE = "api_key";
    static final String DAYS = "initial_range_days";
    static final String PAGE_SIZE = "page_size";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(DISCOVERY_URL, "Discovery URL").required().withMaxLength(2048)
                    .withPlaceholder("https://taxii.example.com/taxii2/"),
            ConfigField.text(API_ROOT, "API root").withMaxLength(2048)
                    .withDescription("URL (or the path) of the API root to read; empty: the server's default,"
                            + " else its first."),
            ConfigField.text(COLLECTIONS, "Collections").withMaxLength(4096)
                    .withDescription("Comma-separated collection ids or titles; empty: every collection you may read."),
            ConfigField.text(USERNAME, "Username").withDescription("HTTP basic authentication."),
            ConfigField.password(PASSWORD, "Password"),
            ConfigField.text(HEADER_NAME, "API key header").withPlaceholder("Authorization")
                    .withDescription("Header carrying an API key, for servers that use one instead of basic"
                            + " authentication."),
            ConfigField.password(HEADER_VALUE, "API key"),
            ConfigField.number(DAYS, "Initial range (days)").range(0, 365).withDefault(7)
                    .withDescription("The first pull asks for objects added this many days back."),
            ConfigField.number(PAGE_SIZE, "Objects per request").range(1, 10_000).withDefault(1_000)
                    .withDescription("The limit parameter; servers may return fewer."));

    static TaxiiSettings from(ConfigValues values) {
        List<String> collections = Arrays.stream(values.string(COLLECTIONS, "").split(",")).map(String::strip)
                .filter(c -> !c.isEmpty()).toList();
        return new TaxiiSettings(values.string(DISCOVERY_URL, "").strip(), values.string(API_ROOT, "").strip(),
                collections, values.string(USERNAME, ""), values.string(PASSWORD, ""),
                values.string(HEADER_NAME, "").strip(), values.string(HEADER_VALUE, ""),
                Duration.ofDays(values.number(DAYS, 7)), (int) values.number(PAGE_SIZE, 1_000));
    }
}

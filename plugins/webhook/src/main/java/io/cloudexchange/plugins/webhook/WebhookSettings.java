package io.cloudexchange.plugins.webhook;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The configuration of an HTTP webhook destination. */
record WebhookSettings(String url, BodyFormat bodyFormat, String authHeaderName, String authHeaderValue,
                       boolean gzip, long maxBatchBytes) {

    static final String URL = "url";
    static final String BODY_FORMAT = "body_format";
    static final String AUTH_HEADER_NAME = "auth_header_name";
    static final String AUTH_HEADER_VALUE = "auth_header_value";
    static final String GZIP = "gzip";
    static final String MAX_BATCH_BYTES = "max_batch_bytes";

    /** RFC 9110 token characters. */
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    enum BodyFormat { NDJSON, JSON_ARRAY }

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(URL, "Webhook URL").required().withMaxLength(2048)
                    .withPlaceholder("https://collector.example.com/ingest"),
            ConfigField.choice(BODY_FORMAT, "Body format", List.of(
                            new Choice("NDJSON (one record per line)", "NDJSON"),
                            new Choice("JSON array", "JSON_ARRAY")))
                    .required().withDefault("NDJSON")
                    .withDescription("JSON records are sent as objects; CEF and LEEF records as JSON strings."),
            ConfigField.text(AUTH_HEADER_NAME, "Authentication header name").withDefault("Authorization")
                    .withMaxLength(100),
            ConfigField.password(AUTH_HEADER_VALUE, "Authentication header value")
                    .withDescription("For example 'Bearer <token>'. Empty: no authentication header."),
            ConfigField.bool(GZIP, "Compress with gzip").withDefault(false)
                    .withDescription("Sends Content-Encoding: gzip."),
            ConfigField.number(MAX_BATCH_BYTES, "Maximum request size (bytes)").required()
                    .range(1_000, 100_000_000).withDefault(1_000_000)
                    .withDescription("Uncompressed body size per request; larger batches are split."));

    static WebhookSettings from(ConfigValues config) {
        return new WebhookSettings(
                config.string(URL, "").trim(),
                BodyFormat.valueOf(config.string(BODY_FORMAT, "NDJSON")),
                config.string(AUTH_HEADER_NAME, "Authorization").trim(),
                config.string(AUTH_HEADER_VALUE, ""),
                config.bool(GZIP, false),
                config.number(MAX_BATCH_BYTES, 1_000_000));
    }

    String urlProblem() {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return "must be an http(s) URL such as https://collector.example.com/ingest";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
    }

    String headerNameProblem() {
        return authHeaderValue.isEmpty() || HEADER_NAME.matcher(authHeaderName).matches() ? null
                : "must be an HTTP header name (letters, digits and -)";
    }
}

package io.cloudexchange.plugins.azuremonitor;

import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigStep;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The configuration of an Azure Monitor Logs Ingestion destination. */
record AzureMonitorSettings(String tenantId, String clientId, String clientSecret, String endpoint,
                            String dcrImmutableId, String streamName, String authorityHost, String scope,
                            long maxRequestBytes, boolean addTimeGenerated) {

    static final String TENANT_ID = "tenant_id";
    static final String CLIENT_ID = "client_id";
    static final String CLIENT_SECRET = "client_secret";
    static final String ENDPOINT = "endpoint";
    static final String DCR_IMMUTABLE_ID = "dcr_immutable_id";
    static final String STREAM_NAME = "stream_name";
    static final String AUTHORITY_HOST = "authority_host";
    static final String SCOPE = "scope";
    static final String MAX_REQUEST_BYTES = "max_request_bytes";
    static final String ADD_TIME_GENERATED = "add_time_generated";

    static final String API_VERSION = "2023-01-01";
    /** The Logs Ingestion API takes at most 1 MB per call. */
    static final long API_MAX_BYTES = 1_048_576;

    private static final Pattern DCR_ID = Pattern.compile("dcr-[0-9a-fA-F]{32}");
    private static final Pattern STREAM = Pattern.compile("(Custom|Microsoft)-[A-Za-z0-9_]+");

    static final ConfigSchema SCHEMA = new ConfigSchema(List.of(
            new ConfigStep("app", "Microsoft Entra app", List.of(
                    ConfigField.text(TENANT_ID, "Directory (tenant) ID").required().withMaxLength(100),
                    ConfigField.text(CLIENT_ID, "Application (client) ID").required().withMaxLength(100),
                    ConfigField.password(CLIENT_SECRET, "Client secret").required(),
                    ConfigField.text(AUTHORITY_HOST, "Authority host").required()
                            .withDefault("https://login.microsoftonline.com").withMaxLength(255)
                            .withDescription("Another value only for sovereign clouds."),
                    ConfigField.text(SCOPE, "Token scope").required()
                            .withDefault("https://monitor.azure.com/.default").withMaxLength(255))),
            new ConfigStep("dcr", "Data collection rule", List.of(
                    ConfigField.text(ENDPOINT, "Logs ingestion endpoint").required().withMaxLength(2048)
                            .withPlaceholder("https://my-dce-a1b2.eastus-1.ingest.monitor.azure.com")
                            .withDescription("The data collection endpoint (DCE) or the DCR's logs ingestion endpoint."),
                    ConfigField.text(DCR_IMMUTABLE_ID, "DCR immutable ID").required().withMaxLength(40)
                            .withPlaceholder("dcr-00000000000000000000000000000000"),
                    ConfigField.text(STREAM_NAME, "Stream name").required().withMaxLength(200)
                            .withPlaceholder("Custom-NetskopeAlerts_CL"),
                    ConfigField.bool(ADD_TIME_GENERATED, "Add TimeGenerated when missing").withDefault(true)
                            .withDescription("Log Analytics tables need TimeGenerated; the time of delivery is used."),
                    ConfigField.number(MAX_REQUEST_BYTES, "Maximum request size (bytes)").required()
                            .range(10_000, API_MAX_BYTES).withDefault(API_MAX_BYTES)
                            .withDescription("Batches are split into calls of at most this size (API limit: 1 MB).")))));

    static AzureMonitorSettings from(ConfigValues config) {
        return new AzureMonitorSettings(
                config.string(TENANT_ID, "").trim(),
                config.string(CLIENT_ID, "").trim(),
                config.string(CLIENT_SECRET, ""),
                stripSlash(config.string(ENDPOINT, "").trim()),
                config.string(DCR_IMMUTABLE_ID, "").trim(),
                config.string(STREAM_NAME, "").trim(),
                stripSlash(config.string(AUTHORITY_HOST, "https://login.microsoftonline.com").trim()),
                config.string(SCOPE, "https://monitor.azure.com/.default").trim(),
                Math.min(config.number(MAX_REQUEST_BYTES, API_MAX_BYTES), API_MAX_BYTES),
                config.bool(ADD_TIME_GENERATED, true));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    URI ingestionUri() {
        return URI.create(endpoint + "/dataCollectionRules/" + encode(dcrImmutableId) + "/streams/"
                + encode(streamName) + "?api-version=" + API_VERSION);
    }

    URI tokenUri() {
        return URI.create(authorityHost + "/" + encode(tenantId) + "/oauth2/v2.0/token");
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    ValidationResult problems() {
        ValidationResult.Builder problems = ValidationResult.builder();
        urlProblem(endpoint, ENDPOINT, problems);
        urlProblem(authorityHost, AUTHORITY_HOST, problems);
        if (!DCR_ID.matcher(dcrImmutableId).matches()) {
            problems.field(DCR_IMMUTABLE_ID, "must look like dcr- followed by 32 hexadecimal digits (the DCR's"
                    + " immutableId, not its name)");
        }
        if (!STREAM.matcher(streamName).matches()) {
            problems.field(STREAM_NAME, "must be a stream of the DCR such as Custom-MyTable_CL");
        }
        return problems.build();
    }

    private static void urlProblem(String url, String field, ValidationResult.Builder problems) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problems.field(field, "must be an https URL");
            }
        } catch (URISyntaxException e) {
            problems.field(field, "not a URL: " + e.getMessage());
        }
    }
}

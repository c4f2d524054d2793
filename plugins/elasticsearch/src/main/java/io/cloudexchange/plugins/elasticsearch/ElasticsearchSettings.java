package io.cloudexchange.plugins.elasticsearch;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** The configuration of an Elasticsearch or OpenSearch destination. */
record ElasticsearchSettings(String url, String index, Auth auth, String username, String password, String apiKey,
                             String pipeline, long maxRequestBytes, boolean addTimestamp) {

    static final String URL = "url";
    static final String INDEX = "index";
    static final String AUTH = "auth";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String API_KEY = "api_key";
    static final String PIPELINE = "pipeline";
    static final String MAX_REQUEST_BYTES = "max_request_bytes";
    static final String ADD_TIMESTAMP = "add_timestamp";

    enum Auth { NONE, BASIC, API_KEY }

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(URL, "URL").required().withMaxLength(2048)
                    .withPlaceholder("https://elastic.example.com:9200")
                    .withDescription("Scheme, host and port of the cluster (Elasticsearch or OpenSearch)."),
            ConfigField.text(INDEX, "Index or data stream").required().withMaxLength(255)
                    .withPlaceholder("logs-netskope-default")
                    .withDescription("Records are written with 'create' actions, which data streams require and which"
                            + " make a replayed batch harmless."),
            ConfigField.choice(AUTH, "Authentication", List.of(new Choice("None", "NONE"),
                            new Choice("User name and password", "BASIC"), new Choice("API key", "API_KEY")))
                    .required().withDefault("BASIC"),
            ConfigField.text(USERNAME, "User name").withMaxLength(256),
            ConfigField.password(PASSWORD, "Password"),
            ConfigField.password(API_KEY, "API key")
                    .withDescription("The encoded API key (base64 of id:api_key), sent as 'Authorization: ApiKey ...'."),
            ConfigField.text(PIPELINE, "Ingest pipeline").withMaxLength(255)
                    .withDescription("Empty: the index's default pipeline."),
            ConfigField.bool(ADD_TIMESTAMP, "Add @timestamp when missing").withDefault(true)
                    .withDescription("Data streams need @timestamp; the time of delivery is used."),
            ConfigField.number(MAX_REQUEST_BYTES, "Maximum request size (bytes)").required()
                    .range(10_000, 100_000_000).withDefault(10_000_000)
                    .withDescription("Batches are split into _bulk requests of at most this size (the cluster's"
                            + " http.max_content_length is 100 MB by default)."));

    static ElasticsearchSettings from(ConfigValues config) {
        String url = config.string(URL, "").trim();
        return new ElasticsearchSettings(
                url.endsWith("/") ? url.substring(0, url.length() - 1) : url,
                config.string(INDEX, "").trim(),
                Auth.valueOf(config.string(AUTH, "BASIC")),
                config.string(USERNAME, "").trim(),
                config.string(PASSWORD, ""),
                config.string(API_KEY, "").trim(),
                config.string(PIPELINE, "").trim(),
                config.number(MAX_REQUEST_BYTES, 10_000_000),
                config.bool(ADD_TIMESTAMP, true));
    }

    /** The Authorization header value, or null without authentication. */
    String authorization() {
        return switch (auth) {
            case NONE -> null;
            case BASIC -> "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            case API_KEY -> "ApiKey " + apiKey;
        };
    }

    /** Problems a look at the values finds, keyed by field. */
    ValidationResult problems() {
        ValidationResult.Builder problems = ValidationResult.builder();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                problems.field(URL, "must be an http(s) URL such as https://elastic.example.com:9200");
            }
        } catch (URISyntaxException e) {
            problems.field(URL, "not a URL: " + e.getMessage());
        }
        String indexProblem = indexProblem(index);
        if (indexProblem != null) {
            problems.field(INDEX, indexProblem);
        }
        if (auth == Auth.BASIC && username.isEmpty()) {
            problems.field(USERNAME, "User name is required for user name and password authentication");
        }
        if (auth == Auth.BASIC && password.isEmpty()) {
            problems.field(PASSWORD, "Password is required for user name and password authentication");
        }
        if (auth == Auth.API_KEY && apiKey.isEmpty()) {
            problems.field(API_KEY, "API key is required for API key authentication");
        }
        return problems.build();
    }

    /** Elasticsearch's index name rules (lower case, no \ / * ? " < > | space , #, not starting with - _ +). */
    static String indexProblem(String name) {
        if (name.isEmpty()) {
            return "Index or data stream is required";
        }
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            return "must be lower case";
        }
        if (name.equals(".") || name.equals("..") || "-_+".indexOf(name.charAt(0)) >= 0) {
            return "must not be . or .. nor start with -, _ or +";
        }
        for (char c : name.toCharArray()) {
            if ("\\/*?\"<>| ,#:".indexOf(c) >= 0) {
                return "must not contain \\ / * ? \" < > | space , # or :";
            }
        }
        if (name.getBytes(StandardCharsets.UTF_8).length > 255) {
            return "must be at most 255 bytes";
        }
        return null;
    }
}

package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;

/** The configuration of a Splunk HEC destination. */
record SplunkSettings(String url, String token, String index, String sourcetype, String source, String host,
                      boolean useAck, Duration ackTimeout, long maxRequestBytes) {

    static final String URL = "url";
    static final String TOKEN = "token";
    static final String INDEX = "index";
    static final String SOURCETYPE = "sourcetype";
    static final String SOURCE = "source";
    static final String HOST = "host";
    static final String USE_ACK = "use_ack";
    static final String ACK_TIMEOUT = "ack_timeout_seconds";
    static final String MAX_REQUEST_BYTES = "max_request_bytes";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            ConfigField.text(URL, "HEC URL").required().withMaxLength(2048)
                    .withPlaceholder("https://splunk.example.com:8088")
                    .withDescription("Scheme, host and port of the HTTP Event Collector (Splunk Cloud:"
                            + " https://http-inputs-<stack>.splunkcloud.com)."),
            ConfigField.password(TOKEN, "HEC token").required()
                    .withDescription("Sent as 'Authorization: Splunk <token>'."),
            ConfigField.text(INDEX, "Index").withMaxLength(80)
                    .withDescription("Empty: the token's default index."),
            ConfigField.text(SOURCETYPE, "Source type").withMaxLength(200)
                    .withDescription("Empty: the token's default source type (e.g. set cef for CEF records)."),
            ConfigField.text(SOURCE, "Source").withMaxLength(200).withDefault("netskope-ce"),
            ConfigField.text(HOST, "Host").withMaxLength(200)
                    .withDescription("Empty: Splunk uses the sender's address."),
            ConfigField.bool(USE_ACK, "Wait for indexer acknowledgement").withDefault(false)
                    .withDescription("Only when the token has indexer acknowledgement on: a batch counts as delivered"
                            + " only once the indexers confirm it; unconfirmed records are sent again."),
            ConfigField.number(ACK_TIMEOUT, "Acknowledgement timeout (seconds)").range(1, 600).withDefault(60),
            ConfigField.number(MAX_REQUEST_BYTES, "Maximum request size (bytes)").range(10_000, 800_000_000)
                    .withDefault(1_000_000)
                    .withDescription("Batches are split into requests of at most this size; keep it below the"
                            + " collector's max_content_length."));

    static SplunkSettings from(ConfigValues config) {
        return new SplunkSettings(
                stripSlash(config.string(URL, "").trim()),
                config.string(TOKEN, ""),
                config.string(INDEX, "").trim(),
                config.string(SOURCETYPE, "").trim(),
                config.string(SOURCE, "").trim(),
                config.string(HOST, "").trim(),
                config.bool(USE_ACK, false),
                Duration.ofSeconds(config.number(ACK_TIMEOUT, 60)),
                config.number(MAX_REQUEST_BYTES, 1_000_000));
    }

    /** The base URL, also when an admin pasted the full event endpoint. */
    private static String stripSlash(String url) {
        String base = url;
        for (String suffix : new String[] {"/", "/services/collector/event", "/services/collector", "/"}) {
            if (base.endsWith(suffix)) {
                base = base.substring(0, base.length() - suffix.length());
            }
        }
        return base;
    }

    /** Why the URL cannot be used, or null. */
    String urlProblem() {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http") || uri.getHost() == null) {
                return "must be an http(s) URL such as https://splunk.example.com:8088";
            }
            return null;
        } catch (URISyntaxException e) {
            return "not a URL: " + e.getMessage();
        }
    }

    URI endpoint(String path) {
        return URI.create(url + path);
    }
}

package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A {@link PluginContext} for tests: configuration values, in-memory storage, captured log lines, a
 * fixed clock and a plain HTTP client.
 * <pre>{@code
 * TestPluginContext context = TestPluginContext.builder()
 *         .defaultsFrom(plugin.configSchema())
 *         .config("api_token", "secret")
 *         .build();
 * plugin.pullIndicators(context, Checkpoint.initial());
 * assertThat(context.logLines()).isEmpty();
 * }</pre>
 */
public final class TestPluginContext implements PluginContext {

    /** The instant the default clock is fixed at. */
    public static final Instant DEFAULT_NOW = Instant.parse("2026-01-01T00:00:00Z");
    public static final String DEFAULT_USER_AGENT = "cloud-exchange/test";

    private final String configurationId;
    private final String configurationName;
    private final ConfigValues config;
    private final InMemoryKeyValueStore storage;
    private final Checkpoint checkpoint;
    private final CapturingPluginLogger logger = new CapturingPluginLogger();
    private final Supplier<HttpClient> httpClient;
    private final String userAgent;
    private final Clock clock;

    private TestPluginContext(Builder builder) {
        this.configurationId = builder.configurationId;
        this.configurationName = builder.configurationName;
        Map<String, Object> values = builder.schema == null ? builder.values : builder.schema.withDefaults(builder.values);
        this.config = ConfigValues.of(values);
        this.storage = builder.storage;
        this.checkpoint = builder.checkpoint;
        this.httpClient = builder.httpClient != null ? () -> builder.httpClient : new LazyHttpClient();
        this.userAgent = builder.userAgent;
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder preset with this context's settings and storage (the same store instance), e.g. to pull again. */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .configurationId(configurationId)
                .configurationName(configurationName)
                .config(config.values())
                .storage(storage)
                .checkpoint(checkpoint)
                .userAgent(userAgent)
                .clock(clock);
        builder.httpClient = httpClient instanceof LazyHttpClient ? null : httpClient.get();
        return builder;
    }

    @Override
    public String configurationId() {
        return configurationId;
    }

    @Override
    public String configurationName() {
        return configurationName;
    }

    @Override
    public ConfigValues config() {
        return config;
    }

    @Override
    public InMemoryKeyValueStore storage() {
        return storage;
    }

    @Override
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    @Override
    public CapturingPluginLogger logger() {
        return logger;
    }

    @Override
    public HttpClient httpClient() {
        return httpClient.get();
    }

    @Override
    public String userAgent() {
        return userAgent;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    /** Every line the plugin logged through this context, oldest first. */
    public List<LogLine> logLines() {
        return logger.lines();
    }

    /** Creates the default client on first use only, so tests that never call out start no HTTP threads. */
    private static final class LazyHttpClient implements Supplier<HttpClient> {
        private HttpClient client;

        @Override
        public synchronized HttpClient get() {
            if (client == null) {
                client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            }
            return client;
        }
    }

    public static final class Builder {
        private String configurationId = "test-configuration";
        private String configurationName = "Test configuration";
        private final Map<String, Object> values = new LinkedHashMap<>();
        private ConfigSchema schema;
        private InMemoryKeyValueStore storage = new InMemoryKeyValueStore();
        private Checkpoint checkpoint = Checkpoint.initial();
        private HttpClient httpClient;
        private String userAgent = DEFAULT_USER_AGENT;
        private Clock clock = Clock.fixed(DEFAULT_NOW, ZoneOffset.UTC);

        private Builder() {
        }

        /** The configuration id; null stands for a new configuration validated before it is saved. */
        public Builder configurationId(String id) {
            this.configurationId = id;
            return this;
        }

        public Builder configurationName(String name) {
            this.configurationName = Objects.requireNonNull(name);
            return this;
        }

        /** Adds configuration values (later calls override earlier ones; a null value removes the key). */
        public Builder config(Map<String, ?> newValues) {
            newValues.forEach(this::config);
            return this;
        }

        public Builder config(String key, Object value) {
            if (value == null) {
                values.remove(key);
            } else {
                values.put(key, value);
            }
            return this;
        }

        /** Fills in the schema's defaults for fields without a value, as the platform does. */
        public Builder defaultsFrom(ConfigSchema configSchema) {
            this.schema = configSchema;
            return this;
        }

        public Builder storage(InMemoryKeyValueStore store) {
            this.storage = Objects.requireNonNull(store);
            return this;
        }

        public Builder checkpoint(Checkpoint confirmed) {
            this.checkpoint = Objects.requireNonNull(confirmed);
            return this;
        }

        /** A client of your own, e.g. one that trusts a local mock server's certificate. */
        public Builder httpClient(HttpClient client) {
            this.httpClient = Objects.requireNonNull(client);
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = Objects.requireNonNull(value);
            return this;
        }

        public Builder clock(Clock fixedOrOtherwise) {
            this.clock = Objects.requireNonNull(fixedOrOtherwise);
            return this;
        }

        public TestPluginContext build() {
            return new TestPluginContext(this);
        }
    }
}

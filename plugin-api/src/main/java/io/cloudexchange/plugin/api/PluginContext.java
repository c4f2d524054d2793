package io.cloudexchange.plugin.api;

import io.cloudexchange.plugin.api.config.ConfigValues;
import java.net.http.HttpClient;
import java.time.Clock;

/** Everything a plugin call may use. Handed to every call; never cached by plugins. */
public interface PluginContext {

    /**
     * Id of the configuration this call runs for (stable across renames), or null while a new
     * configuration is validated before it is saved.
     */
    String configurationId();

    /** Display name of the configuration. */
    String configurationName();

    /** Configuration values with defaults applied and secrets decrypted. */
    ConfigValues config();

    /** Persistent key/value storage of this configuration. */
    KeyValueStore storage();

    /** The last checkpoint the platform confirmed for this configuration's default stream. */
    Checkpoint checkpoint();

    PluginLogger logger();

    /**
     * An HTTP client that honours the platform proxy (when the configuration uses it), the extra CA
     * certificates and this configuration's TLS-validation setting.
     */
    HttpClient httpClient();

    /** User-Agent value plugins should send, e.g. {@code cloud-exchange/0.1.0 netskope-cte/1.0.0}. */
    String userAgent();

    Clock clock();
}

package io.cloudexchange.plugin.api;

import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;

/**
 * The root of every plugin. Implementations are discovered with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.cloudexchange.plugin.api.Plugin}), must have a public no-argument
 * constructor and must be stateless: everything a call needs arrives in its {@link PluginContext}.
 * A plugin implements one or more module contracts (see the {@code cte}, {@code cto}, {@code cre},
 * {@code are} and {@code cls} packages).
 */
public interface Plugin {

    PluginDescriptor descriptor();

    /** The configuration form the UI renders and the core validates before saving. */
    ConfigSchema configSchema();

    /**
     * Checks a configuration beyond its schema (for example that credentials work). Called after
     * the schema accepted the values. Returns field-keyed problems; never throws for bad input.
     */
    default ValidationResult validate(PluginContext context) {
        return ValidationResult.ok();
    }
}

package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.util.Set;

/** A plugin for API tests: serves one module; refuses an API key "wrong" in its own check. */
public class TestFeedPlugin implements Plugin {

    public static final String ID = "test-feed";
    public static final String REJECTED_KEY = "wrong";

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Test feed", "1.0.0", "Feed used by API tests", Set.of(PlatformModule.CTE),
                "0.1.0", Set.of(Capability.PULL));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(
                ConfigField.text("base_url", "Base URL").required().withMaxLength(200),
                ConfigField.password("api_key", "API key").required(),
                ConfigField.number("count", "Count").range(1, 10000).withDefault(100));
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        return REJECTED_KEY.equals(context.config().string("api_key"))
                ? ValidationResult.fieldError("api_key", "was refused by the feed")
                : ValidationResult.ok();
    }
}

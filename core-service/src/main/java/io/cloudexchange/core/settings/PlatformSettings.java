package io.cloudexchange.core.settings;

import io.cloudexchange.plugin.api.PlatformModule;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** Platform-wide settings, one document with id {@link #ID}. */
@Document("settings")
public record PlatformSettings(@Id String id, Map<PlatformModule, Boolean> modules, ProxySettings proxy,
                               @Version Long version) {

    public static final String ID = "platform";

    public PlatformSettings {
        Map<PlatformModule, Boolean> all = new EnumMap<>(PlatformModule.class);
        for (PlatformModule module : PlatformModule.values()) {
            all.put(module, modules != null && Boolean.TRUE.equals(modules.get(module)));
        }
        modules = all;
        proxy = proxy == null ? ProxySettings.NONE : proxy;
    }

    /** First-run defaults: every module on, no proxy. */
    public static PlatformSettings defaults() {
        Map<PlatformModule, Boolean> on = new EnumMap<>(PlatformModule.class);
        for (PlatformModule module : PlatformModule.values()) {
            on.put(module, true);
        }
        return new PlatformSettings(ID, on, ProxySettings.NONE, null);
    }

    public PlatformSettings withModules(Map<PlatformModule, Boolean> newModules) {
        return new PlatformSettings(id, newModules, proxy, version);
    }

    public PlatformSettings withProxy(ProxySettings newProxy) {
        return new PlatformSettings(id, modules, newProxy, version);
    }
}

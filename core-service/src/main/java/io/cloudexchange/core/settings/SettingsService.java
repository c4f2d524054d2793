package io.cloudexchange.core.settings;

import io.cloudexchange.plugin.api.PlatformModule;
import java.util.Map;
import org.springframework.stereotype.Service;

/** Reads and changes platform settings (module toggles, proxy). */
@Service
public class SettingsService {

    private final PlatformSettingsRepository repository;

    public SettingsService(PlatformSettingsRepository repository) {
        this.repository = repository;
    }

    public PlatformSettings current() {
        return repository.findById(PlatformSettings.ID).orElseGet(PlatformSettings::defaults);
    }

    public boolean isEnabled(PlatformModule module) {
        return current().modules().get(module);
    }

    public PlatformSettings updateModules(Map<PlatformModule, Boolean> modules) {
        return repository.save(current().withModules(modules));
    }

    public PlatformSettings updateProxy(ProxySettings proxy) {
        return repository.save(current().withProxy(proxy));
    }
}

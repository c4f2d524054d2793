package io.cloudexchange.plugin.api;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Identity of a plugin.
 *
 * @param id stable identifier, lower-case letters, digits and dashes (e.g. {@code netskope-cte})
 * @param name display name
 * @param version plugin version (semantic version)
 * @param description one or two sentences shown in the UI
 * @param modules the platform modules this plugin serves
 * @param minimumPlatformVersion the oldest platform version the plugin runs on
 * @param capabilities what the plugin supports
 */
public record PluginDescriptor(String id, String name, String version, String description,
                               Set<PlatformModule> modules, String minimumPlatformVersion,
                               Set<Capability> capabilities) {

    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9-]{1,63}");

    public PluginDescriptor {
        Objects.requireNonNull(id, "id");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("plugin id '" + id + "' must match " + ID_PATTERN.pattern());
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("plugin " + id + ": name is required");
        }
        PlatformVersion.parse(version);
        PlatformVersion.parse(minimumPlatformVersion);
        if (modules == null || modules.isEmpty()) {
            throw new IllegalArgumentException("plugin " + id + ": serves no module");
        }
        description = description == null ? "" : description;
        modules = Set.copyOf(modules);
        capabilities = capabilities == null ? Set.of() : Set.copyOf(capabilities);
    }

    public boolean supports(Capability capability) {
        return capabilities.contains(capability);
    }

    public boolean serves(PlatformModule module) {
        return modules.contains(module);
    }
}

package io.cloudexchange.core.plugins;

import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.PluginDescriptor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The identity a custom plugin jar declares in its manifest, read before any of its classes is
 * loaded (the {@code plugins} parent POM writes these entries).
 */
record PluginJarManifest(String id, String version, String minimumPlatformVersion) {

    static final String ID = "CloudExchange-Plugin-Id";
    static final String VERSION = "CloudExchange-Plugin-Version";
    static final String MIN_PLATFORM_VERSION = "CloudExchange-Min-Platform-Version";

    static PluginJarManifest read(JarFile jar) throws IOException {
        Manifest manifest = jar.getManifest();
        if (manifest == null) {
            throw new PluginRejectedException(PluginErrorCodes.BAD_MANIFEST,
                    "the jar has no manifest with " + String.join(", ", ID, VERSION, MIN_PLATFORM_VERSION));
        }
        Attributes attributes = manifest.getMainAttributes();
        List<String> missing = new ArrayList<>();
        for (String name : List.of(ID, VERSION, MIN_PLATFORM_VERSION)) {
            String value = attributes.getValue(name);
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new PluginRejectedException(PluginErrorCodes.BAD_MANIFEST, "the manifest lacks " + String.join(", ", missing));
        }
        PluginJarManifest result = new PluginJarManifest(attributes.getValue(ID).trim(), attributes.getValue(VERSION).trim(),
                attributes.getValue(MIN_PLATFORM_VERSION).trim());
        result.requireVersionsParse();
        return result;
    }

    PlatformVersion requiredPlatform() {
        return PlatformVersion.parse(minimumPlatformVersion);
    }

    /** Why the descriptor disagrees with this manifest, or null when both say the same. */
    String mismatchWith(PluginDescriptor descriptor) {
        List<String> differences = new ArrayList<>();
        compare(differences, ID, id, descriptor.id());
        compare(differences, VERSION, version, descriptor.version());
        compare(differences, MIN_PLATFORM_VERSION, minimumPlatformVersion, descriptor.minimumPlatformVersion());
        return differences.isEmpty() ? null : "the manifest does not match the plugin's descriptor: " + String.join("; ", differences);
    }

    private void requireVersionsParse() {
        for (String version : List.of(this.version, minimumPlatformVersion)) {
            if (!PlatformVersion.isValid(version)) {
                throw new PluginRejectedException(PluginErrorCodes.BAD_MANIFEST,
                        "the manifest version '" + version + "' is not a version like 1.2.3");
            }
        }
    }

    private static void compare(List<String> differences, String entry, String inManifest, String inDescriptor) {
        if (!inManifest.equals(inDescriptor)) {
            differences.add(entry + " is '" + inManifest + "' but the descriptor says '" + inDescriptor + "'");
        }
    }
}

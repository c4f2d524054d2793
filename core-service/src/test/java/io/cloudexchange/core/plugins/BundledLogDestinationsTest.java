package io.cloudexchange.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Log Shipper destination plugins travel with the core and load as bundled plugins. */
class BundledLogDestinationsTest {

    @TempDir
    Path temp;

    @Test
    void everyDestinationPluginIsBundled() {
        RecordingPlatformLog platformLog = new RecordingPlatformLog();
        try (DefaultPluginRegistry registry = new DefaultPluginRegistry(temp.resolve("custom_plugins"),
                getClass().getClassLoader(), PlatformVersion.current(), platformLog)) {
            for (String id : new String[] {"syslog", "splunk-hec", "webhook-logs", "elasticsearch", "azure-monitor-logs"}) {
                assertThat(registry.find(id)).as(id).get().satisfies(loaded -> {
                    assertThat(loaded.source()).isEqualTo(LoadedPlugin.Source.BUNDLED);
                    assertThat(loaded.plugin()).isInstanceOf(LogDestinationPlugin.class);
                });
            }
            assertThat(platformLog.warnings()).isEmpty();
        }
    }
}

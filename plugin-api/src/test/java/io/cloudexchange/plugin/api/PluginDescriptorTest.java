package io.cloudexchange.plugin.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PluginDescriptorTest {

    @Test
    void describesModulesAndCapabilities() {
        PluginDescriptor descriptor = descriptor("netskope-cte", "1.0.0", "0.1.0");

        assertThat(descriptor.serves(PlatformModule.CTE)).isTrue();
        assertThat(descriptor.serves(PlatformModule.CLS)).isFalse();
        assertThat(descriptor.supports(Capability.PULL)).isTrue();
        assertThat(descriptor.supports(Capability.PUSH)).isFalse();
        assertThat(new PluginDescriptor("x-feed", "X", "1.0.0", null, Set.of(PlatformModule.CTE), "0.1.0", null))
                .satisfies(d -> {
                    assertThat(d.description()).isEmpty();
                    assertThat(d.capabilities()).isEmpty();
                });
    }

    @Test
    void refusesMalformedIds() {
        assertThatThrownBy(() -> descriptor("Netskope", "1.0.0", "0.1.0")).hasMessageContaining("must match");
        assertThatThrownBy(() -> descriptor("a", "1.0.0", "0.1.0")).hasMessageContaining("must match");
        assertThatThrownBy(() -> descriptor("my_plugin", "1.0.0", "0.1.0")).hasMessageContaining("must match");
    }

    @Test
    void refusesMalformedVersions() {
        assertThatThrownBy(() -> descriptor("my-plugin", "1.0", "0.1.0")).hasMessageContaining("'1.0' is not a version");
        assertThatThrownBy(() -> descriptor("my-plugin", "1.0.0", "latest")).hasMessageContaining("'latest' is not a version");
    }

    @Test
    void requiresANameAndAModule() {
        assertThatThrownBy(() -> new PluginDescriptor("my-plugin", " ", "1.0.0", "", Set.of(PlatformModule.CTE), "0.1.0", Set.of()))
                .hasMessageContaining("name is required");
        assertThatThrownBy(() -> new PluginDescriptor("my-plugin", "Mine", "1.0.0", "", Set.of(), "0.1.0", Set.of()))
                .hasMessageContaining("serves no module");
    }

    private static PluginDescriptor descriptor(String id, String version, String minimumPlatformVersion) {
        return new PluginDescriptor(id, "Plugin", version, "A plugin", Set.of(PlatformModule.CTE), minimumPlatformVersion,
                Set.of(Capability.PULL));
    }
}

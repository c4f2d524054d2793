package io.cloudexchange.plugin.testkit;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginDescriptor;
import java.util.Set;

/** Helpers for the small well-behaved plugins the test kit checks itself against. */
final class Fakes {

    private Fakes() {
    }

    static PluginDescriptor descriptor(String id, PlatformModule module, Capability... capabilities) {
        return new PluginDescriptor(id, id, "1.0.0", "A well-behaved fake", Set.of(module), "0.1.0", Set.of(capabilities));
    }

    static int position(Checkpoint checkpoint) {
        return Integer.parseInt(checkpoint.get("position").orElse("0"));
    }

    static Checkpoint at(int position) {
        return Checkpoint.of("position", Integer.toString(position));
    }
}

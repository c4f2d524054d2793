package io.cloudexchange.core.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;

/** A plugin loaded from a custom jar, with the class loader that must be closed when it is dropped. */
record CustomPlugin(LoadedPlugin loaded, PluginClassLoader classLoader) implements AutoCloseable {

    @Override
    public void close() {
        try {
            classLoader.close();
        } catch (IOException e) {
            throw new UncheckedIOException("could not close the class loader of " + loaded.jar(), e);
        }
    }
}

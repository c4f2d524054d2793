package io.cloudexchange.core.plugins;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * Loads one custom plugin jar child-first: the jar's own classes (and the libraries it bundles) win
 * over the platform's, so a plugin can ship a library version the core also uses without either
 * breaking the other. Classes the jar does not contain may come only from the JDK and the plugin
 * API: a custom plugin cannot reach into the core's own classes or its libraries (Spring, drivers),
 * which keeps plugins decoupled from the core's internals and its upgrades.
 */
final class PluginClassLoader extends URLClassLoader {

    /**
     * Always loaded from the parent. The JDK packages, so a jar can neither replace nor impersonate
     * system classes; and the plugin API, so the plugin's {@code Plugin}, {@code Indicator}... are
     * the very classes the core uses (a second copy would be a different type and fail every cast).
     */
    private static final List<String> PARENT_FIRST = List.of(
            "java.", "javax.", "jdk.", "sun.", "io.cloudexchange.plugin.api.");

    static {
        registerAsParallelCapable();
    }

    PluginClassLoader(String name, URL jar, ClassLoader parent) {
        super(name, new URL[] {jar}, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isParentFirst(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> type = findLoadedClass(name);
            if (type == null) {
                try {
                    type = findClass(name);
                } catch (ClassNotFoundException notInJar) {
                    type = loadFromJdk(name);
                }
            }
            if (resolve) {
                resolveClass(type);
            }
            return type;
        }
    }

    private static Class<?> loadFromJdk(String name) throws ClassNotFoundException {
        try {
            return ClassLoader.getPlatformClassLoader().loadClass(name);
        } catch (ClassNotFoundException notInJdk) {
            throw new ClassNotFoundException(name + " is neither in the plugin jar nor in the JDK or the plugin API;"
                    + " bundle the library inside the plugin jar", notInJdk);
        }
    }

    @Override
    public URL getResource(String name) {
        URL own = findResource(name);
        return own != null ? own : ClassLoader.getPlatformClassLoader().getResource(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        List<URL> urls = new ArrayList<>(Collections.list(findResources(name)));
        urls.addAll(Collections.list(ClassLoader.getPlatformClassLoader().getResources(name)));
        return Collections.enumeration(urls);
    }

    private static boolean isParentFirst(String className) {
        return PARENT_FIRST.stream().anyMatch(className::startsWith);
    }
}

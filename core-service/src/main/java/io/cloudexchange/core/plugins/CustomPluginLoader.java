package io.cloudexchange.core.plugins;

import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginDescriptor;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Loads the single plugin of a custom jar into its own {@link PluginClassLoader}, refusing the jar
 * (with a {@link PluginRejectedException}) when it does not hold exactly one plugin that matches its
 * manifest and runs on this platform.
 */
final class CustomPluginLoader {

    static final String SERVICES_ENTRY = "META-INF/services/" + Plugin.class.getName();

    private final ClassLoader parent;
    private final PlatformVersion platformVersion;

    CustomPluginLoader(ClassLoader parent, PlatformVersion platformVersion) {
        this.parent = parent;
        this.platformVersion = platformVersion;
    }

    CustomPlugin load(Path jarPath) {
        PluginJarManifest manifest;
        String pluginClass;
        try (JarFile jar = new JarFile(jarPath.toFile())) {
            manifest = PluginJarManifest.read(jar);
            pluginClass = singlePluginClass(jar);
        } catch (IOException e) {
            throw new PluginRejectedException(PluginErrorCodes.BAD_MANIFEST, "not a readable jar (" + e.getMessage() + ")");
        }
        if (manifest.requiredPlatform().compareTo(platformVersion) > 0) {
            throw new PluginRejectedException(PluginErrorCodes.PLATFORM_TOO_OLD, "plugin " + manifest.id()
                    + " needs platform " + manifest.minimumPlatformVersion() + " or later; this is " + platformVersion);
        }
        PluginClassLoader classLoader = newClassLoader(jarPath, manifest);
        try {
            Plugin plugin = instantiate(classLoader, pluginClass);
            String mismatch = manifest.mismatchWith(describe(plugin, pluginClass));
            if (mismatch != null) {
                throw new PluginRejectedException(PluginErrorCodes.MANIFEST_MISMATCH, mismatch);
            }
            return new CustomPlugin(new LoadedPlugin(plugin, LoadedPlugin.Source.CUSTOM, jarPath), classLoader);
        } catch (RuntimeException | LinkageError e) {
            closeQuietly(classLoader, e);
            throw e;
        }
    }

    /** The one class named by the jar's own services file (read from the jar, not through a class loader that also sees the platform's). */
    private static String singlePluginClass(JarFile jar) throws IOException {
        JarEntry entry = jar.getJarEntry(SERVICES_ENTRY);
        if (entry == null) {
            throw new PluginRejectedException(PluginErrorCodes.NOT_ONE_PLUGIN, "the jar has no " + SERVICES_ENTRY);
        }
        List<String> classNames;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(jar.getInputStream(entry), StandardCharsets.UTF_8))) {
            classNames = reader.lines()
                    .map(line -> line.replaceFirst("#.*", "").trim())
                    .filter(line -> !line.isEmpty())
                    .distinct()
                    .toList();
        }
        if (classNames.size() != 1) {
            throw new PluginRejectedException(PluginErrorCodes.NOT_ONE_PLUGIN, SERVICES_ENTRY + " names "
                    + (classNames.isEmpty() ? "no plugin" : classNames.size() + " plugins " + classNames)
                    + "; a jar must hold exactly one");
        }
        return classNames.get(0);
    }

    private PluginClassLoader newClassLoader(Path jarPath, PluginJarManifest manifest) {
        try {
            return new PluginClassLoader("plugin-" + manifest.id(), jarPath.toUri().toURL(), parent);
        } catch (MalformedURLException e) {
            throw new IllegalStateException("no URL for " + jarPath, e);
        }
    }

    private static Plugin instantiate(ClassLoader classLoader, String className) {
        try {
            Class<?> type = Class.forName(className, false, classLoader);
            if (!Plugin.class.isAssignableFrom(type)) {
                throw new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED,
                        className + " does not implement " + Plugin.class.getName());
            }
            return (Plugin) type.getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED, "class " + className + " is not in the jar", e);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED, className + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED, "the constructor of " + className
                    + " failed: " + e.getCause(), e.getCause());
        } catch (InstantiationException | LinkageError e) {
            throw new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED, className + " cannot be loaded: " + e, e);
        }
    }

    static PluginDescriptor describe(Plugin plugin, String className) {
        PluginDescriptor descriptor;
        try {
            descriptor = plugin.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw new PluginRejectedException(PluginErrorCodes.BAD_DESCRIPTOR, className + ".descriptor() failed: " + e, e);
        }
        if (descriptor == null) {
            throw new PluginRejectedException(PluginErrorCodes.BAD_DESCRIPTOR, className + ".descriptor() returned null");
        }
        return descriptor;
    }

    private static void closeQuietly(PluginClassLoader classLoader, Throwable failure) {
        try {
            classLoader.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}

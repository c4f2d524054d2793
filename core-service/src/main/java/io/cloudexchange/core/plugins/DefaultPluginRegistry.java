package io.cloudexchange.core.plugins;

import io.cloudexchange.core.config.CloudExchangeProperties;
import io.cloudexchange.core.logging.PlatformLog;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The plugins of this platform: bundled plugins found with {@link ServiceLoader} on the application
 * class path, then custom jars from {@code <data-dir>/custom_plugins}, each in its own child-first
 * class loader. A plugin that cannot be used is refused with one warning in the platform log and
 * the platform carries on; a bundled plugin wins over a custom jar with the same id.
 */
@Component
public class DefaultPluginRegistry implements PluginRegistry, AutoCloseable {

    static final String CUSTOM_PLUGINS_DIR = "custom_plugins";

    private final Path customPluginsDir;
    private final ClassLoader applicationClassLoader;
    private final PlatformVersion platformVersion;
    private final CustomPluginLoader customPluginLoader;
    private final PlatformLog platformLog;
    private final Object writeLock = new Object();
    private final List<CustomPlugin> customPlugins = new ArrayList<>();
    /** Replaced as a whole under {@link #writeLock}, so readers never lock and never see a half-done change. */
    private volatile Map<String, LoadedPlugin> plugins = Map.of();

    @Autowired
    public DefaultPluginRegistry(CloudExchangeProperties properties, PlatformLog platformLog) {
        this(properties.dataDir().resolve(CUSTOM_PLUGINS_DIR), DefaultPluginRegistry.class.getClassLoader(),
                PlatformVersion.current(), platformLog);
    }

    DefaultPluginRegistry(Path customPluginsDir, ClassLoader applicationClassLoader, PlatformVersion platformVersion,
                          PlatformLog platformLog) {
        this.customPluginsDir = customPluginsDir;
        this.applicationClassLoader = applicationClassLoader;
        this.platformVersion = platformVersion;
        this.customPluginLoader = new CustomPluginLoader(applicationClassLoader, platformVersion);
        this.platformLog = platformLog;
        synchronized (writeLock) {
            loadBundled();
            loadCustom();
        }
    }

    @Override
    public Collection<LoadedPlugin> all() {
        return plugins.values();
    }

    @Override
    public Optional<LoadedPlugin> find(String pluginId) {
        return Optional.ofNullable(plugins.get(pluginId));
    }

    /**
     * Checks the upload in a temporary file next to the custom plugins, and only when it is accepted
     * moves it in as {@code <id>-<version>.jar} and loads it.
     */
    @Override
    public LoadedPlugin install(InputStream jar, String fileName) {
        synchronized (writeLock) {
            try {
                requireJarName(fileName);
                Files.createDirectories(customPluginsDir);
                Path upload = Files.createTempFile(customPluginsDir, ".upload-", ".tmp");
                try {
                    Files.copy(jar, upload, StandardCopyOption.REPLACE_EXISTING);
                    PluginDescriptor descriptor = check(upload);
                    Path target = customPluginsDir.resolve(descriptor.id() + "-" + descriptor.version() + ".jar");
                    // Any file already at target was refused (its id is not loaded), so replacing it is safe.
                    Files.move(upload, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                    CustomPlugin installed = loadOrRemove(target);
                    platformLog.info(PlatformLog.PLATFORM_SOURCE, "Installed custom plugin " + descriptor.id() + " "
                            + descriptor.version() + " from " + fileName);
                    return installed.loaded();
                } finally {
                    Files.deleteIfExists(upload);
                }
            } catch (PluginRejectedException e) {
                refuse("uploaded file " + fileName, e);
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException("could not store the uploaded plugin " + fileName, e);
            }
        }
    }

    /** Closes the class loaders of custom plugins. */
    @Override
    public void close() {
        synchronized (writeLock) {
            customPlugins.forEach(CustomPlugin::close);
            customPlugins.clear();
            plugins = Map.of();
        }
    }

    private void loadBundled() {
        Iterator<Plugin> found = ServiceLoader.load(Plugin.class, applicationClassLoader).iterator();
        while (true) {
            Plugin plugin;
            try {
                if (!found.hasNext()) {
                    return;
                }
                plugin = found.next();
            } catch (ServiceConfigurationError e) {
                refuse("bundled plugin", new PluginRejectedException(PluginErrorCodes.CLASS_LOAD_FAILED, e.getMessage(), e));
                continue;
            }
            try {
                addBundled(plugin);
            } catch (PluginRejectedException e) {
                refuse("bundled plugin " + plugin.getClass().getName(), e);
            }
        }
    }

    private void addBundled(Plugin plugin) {
        PluginDescriptor descriptor = CustomPluginLoader.describe(plugin, plugin.getClass().getName());
        if (PlatformVersion.parse(descriptor.minimumPlatformVersion()).compareTo(platformVersion) > 0) {
            throw new PluginRejectedException(PluginErrorCodes.PLATFORM_TOO_OLD, "plugin " + descriptor.id() + " needs platform "
                    + descriptor.minimumPlatformVersion() + " or later; this is " + platformVersion);
        }
        requireNewId(descriptor.id());
        register(new LoadedPlugin(plugin, LoadedPlugin.Source.BUNDLED, null));
    }

    private void loadCustom() {
        if (!Files.isDirectory(customPluginsDir)) {
            return;
        }
        List<Path> jars;
        try (Stream<Path> files = Files.list(customPluginsDir)) {
            jars = files.filter(DefaultPluginRegistry::isJar).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + customPluginsDir, e);
        }
        for (Path jar : jars) {
            try {
                loadInstalled(jar);
            } catch (PluginRejectedException e) {
                refuse("custom plugin jar " + jar.getFileName(), e);
            }
        }
    }

    /** Validates a jar without keeping it loaded. */
    private PluginDescriptor check(Path jar) {
        try (CustomPlugin candidate = customPluginLoader.load(jar)) {
            PluginDescriptor descriptor = candidate.loaded().descriptor();
            requireNewId(descriptor.id());
            return descriptor;
        }
    }

    private CustomPlugin loadOrRemove(Path jar) throws IOException {
        try {
            return loadInstalled(jar);
        } catch (PluginRejectedException e) {
            Files.deleteIfExists(jar);
            throw e;
        }
    }

    private CustomPlugin loadInstalled(Path jar) {
        CustomPlugin custom = customPluginLoader.load(jar);
        try {
            requireNewId(custom.loaded().id());
        } catch (PluginRejectedException e) {
            custom.close();
            throw e;
        }
        customPlugins.add(custom);
        register(custom.loaded());
        return custom;
    }

    private void requireNewId(String id) {
        LoadedPlugin existing = plugins.get(id);
        if (existing != null) {
            String holder = existing.source() == LoadedPlugin.Source.BUNDLED
                    ? "a bundled plugin" : "custom jar " + existing.jar().getFileName();
            throw new PluginRejectedException(PluginErrorCodes.DUPLICATE_ID, "plugin id " + id + " is already used by " + holder);
        }
    }

    private void register(LoadedPlugin plugin) {
        Map<String, LoadedPlugin> next = new LinkedHashMap<>(plugins);
        next.put(plugin.id(), plugin);
        plugins = Collections.unmodifiableMap(next);
    }

    private void refuse(String what, PluginRejectedException e) {
        platformLog.warn(PlatformLog.PLATFORM_SOURCE, e.errorCode(), "Refused " + what + ": " + e.getMessage());
    }

    private static void requireJarName(String fileName) {
        if (fileName == null || !fileName.toLowerCase(Locale.ROOT).endsWith(".jar")) {
            throw new PluginRejectedException(PluginErrorCodes.NOT_A_JAR, "a plugin must be uploaded as a .jar file");
        }
    }

    private static boolean isJar(Path file) {
        return Files.isRegularFile(file) && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jar");
    }
}

package io.cloudexchange.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Plugin;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds real plugin jars at test time: compiles a small Threat Exchange source against the
 * plugin API and writes the services file and manifest the platform expects. Every jar's plugin
 * class has the same name, {@code custom.feed.CustomFeed}, so only class loader isolation keeps
 * them apart.
 */
final class PluginJarBuilder {

    static final String PLUGIN_CLASS = "custom.feed.CustomFeed";

    private final Path workDir;
    private final String fileName;
    private String id = "acme-feed";
    private String version = "1.0.0";
    private String minimumPlatformVersion = "0.1.0";
    private final Map<String, String> manifestOverrides = new LinkedHashMap<>();
    private String servicesFile = PLUGIN_CLASS + "\n";

    private PluginJarBuilder(Path workDir, String fileName) {
        this.workDir = workDir;
        this.fileName = fileName;
    }

    static PluginJarBuilder jar(Path workDir, String fileName) {
        return new PluginJarBuilder(workDir, fileName);
    }

    /** The plugin's descriptor; the manifest says the same unless overridden. */
    PluginJarBuilder plugin(String pluginId, String pluginVersion, String minimumPlatform) {
        this.id = pluginId;
        this.version = pluginVersion;
        this.minimumPlatformVersion = minimumPlatform;
        return this;
    }

    /** Sets a manifest entry to a value that differs from the descriptor, or removes it (null). */
    PluginJarBuilder manifestEntry(String name, String value) {
        manifestOverrides.put(name, value);
        return this;
    }

    /** The content of the services file, or null for none. */
    PluginJarBuilder servicesFile(String content) {
        this.servicesFile = content;
        return this;
    }

    Path build() throws IOException {
        Path classes = compile();
        Path jar = workDir.resolve(fileName);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest())) {
            try (Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    jarOut.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    jarOut.write(Files.readAllBytes(file));
                    jarOut.closeEntry();
                }
            }
            if (servicesFile != null) {
                jarOut.putNextEntry(new JarEntry(CustomPluginLoader.SERVICES_ENTRY));
                jarOut.write(servicesFile.getBytes(StandardCharsets.UTF_8));
                jarOut.closeEntry();
            }
        }
        return jar;
    }

    private Manifest manifest() {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(PluginJarManifest.ID, id);
        entries.put(PluginJarManifest.VERSION, version);
        entries.put(PluginJarManifest.MIN_PLATFORM_VERSION, minimumPlatformVersion);
        entries.putAll(manifestOverrides);
        Manifest manifest = new Manifest();
        Attributes attributes = manifest.getMainAttributes();
        attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        entries.forEach((name, value) -> {
            if (value != null) {
                attributes.putValue(name, value);
            }
        });
        return manifest;
    }

    private Path compile() throws IOException {
        // Beside the jar's directory, not in it: custom_plugins must hold only what a test puts there.
        Path build = workDir.resolveSibling("build-" + fileName);
        Path sources = Files.createDirectories(build.resolve("src"));
        Path classes = Files.createDirectories(build.resolve("classes"));
        Path source = Files.createDirectories(sources.resolve("custom/feed")).resolve("CustomFeed.java");
        Files.writeString(source, pluginSource());
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        int status = compiler.run(null, null, null, "--release", "17", "-classpath", pluginApiLocation().toString(),
                "-d", classes.toString(), source.toString());
        assertThat(status).as("compiling the test plugin").isZero();
        return classes;
    }

    private String pluginSource() {
        return """
                package custom.feed;

                import io.cloudexchange.plugin.api.*;
                import io.cloudexchange.plugin.api.config.ConfigSchema;
                import io.cloudexchange.plugin.api.cte.*;
                import java.util.List;
                import java.util.Set;

                public final class CustomFeed implements ThreatIntelPlugin {
                    @Override
                    public PluginDescriptor descriptor() {
                        return new PluginDescriptor("%s", "Custom feed", "%s", "Built by a test", Set.of(PlatformModule.CTE),
                                "%s", Set.of(Capability.PULL));
                    }

                    @Override
                    public ConfigSchema configSchema() {
                        return ConfigSchema.empty();
                    }

                    @Override
                    public PullPage<Indicator> pullIndicators(PluginContext context, Checkpoint checkpoint) {
                        return PullPage.last(List.of(Indicator.of(IndicatorType.DOMAIN, "%s.example")), Checkpoint.of("done", "true"));
                    }
                }
                """.formatted(id, version, minimumPlatformVersion, id);
    }

    private static Path pluginApiLocation() {
        try {
            return Path.of(Plugin.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

}

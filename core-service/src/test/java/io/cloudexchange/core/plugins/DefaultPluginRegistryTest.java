package io.cloudexchange.core.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultPluginRegistryTest {

    private static final String BUNDLED_ID = "sample-threat-feed";

    @TempDir
    Path temp;

    private Path customPlugins;
    private Path uploads;
    private final RecordingPlatformLog platformLog = new RecordingPlatformLog();
    private DefaultPluginRegistry registry;

    @BeforeEach
    void createDirectories() throws IOException {
        customPlugins = Files.createDirectories(temp.resolve("data").resolve(DefaultPluginRegistry.CUSTOM_PLUGINS_DIR));
        uploads = Files.createDirectories(temp.resolve("uploads"));
    }

    @AfterEach
    void closeRegistry() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void loadsBundledPluginsFromTheClasspath() {
        start();

        assertThat(registry.find(BUNDLED_ID)).get()
                .satisfies(plugin -> assertThat(plugin.source()).isEqualTo(LoadedPlugin.Source.BUNDLED));
        assertThat(platformLog.warnings()).isEmpty();
    }

    @Test
    void loadsAGoodJarInItsOwnClassLoaderAndItsPluginWorks() throws IOException {
        PluginJarBuilder.jar(customPlugins, "acme.jar").plugin("acme-feed", "1.2.0", "0.1.0").build();
        PluginJarBuilder.jar(customPlugins, "other.jar").plugin("other-feed", "1.0.0", "0.1.0").build();

        start();

        LoadedPlugin acme = registry.find("acme-feed").orElseThrow();
        LoadedPlugin other = registry.find("other-feed").orElseThrow();
        assertThat(acme.source()).isEqualTo(LoadedPlugin.Source.CUSTOM);
        assertThat(acme.jar()).isEqualTo(customPlugins.resolve("acme.jar"));
        assertThat(acme.descriptor().version()).isEqualTo("1.2.0");
        assertThat(acme.plugin().getClass().getName()).isEqualTo(other.plugin().getClass().getName());
        assertThat(acme.plugin().getClass()).isNotSameAs(other.plugin().getClass());
        assertThat(acme.plugin().getClass().getClassLoader())
                .isInstanceOf(URLClassLoader.class)
                .isNotSameAs(getClass().getClassLoader());
        assertThat(pull(acme.plugin())).extracting(Indicator::value).containsExactly("acme-feed.example");
        assertThat(platformLog.warnings()).isEmpty();
    }

    @Test
    void aCustomPluginSeesOnlyItsJarTheJdkAndThePluginApi() throws Exception {
        PluginJarBuilder.jar(customPlugins, "acme.jar").plugin("acme-feed", "1.0.0", "0.1.0").build();
        start();

        ClassLoader pluginLoader = registry.find("acme-feed").orElseThrow().plugin().getClass().getClassLoader();

        assertThat(pluginLoader.loadClass("java.net.http.HttpClient")).isSameAs(java.net.http.HttpClient.class);
        assertThat(pluginLoader.loadClass("io.cloudexchange.plugin.api.Plugin"))
                .isSameAs(io.cloudexchange.plugin.api.Plugin.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> pluginLoader.loadClass(PluginRegistry.class.getName()))
                .isInstanceOf(ClassNotFoundException.class)
                .hasMessageContaining("bundle the library inside the plugin jar");
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> pluginLoader.loadClass("org.springframework.context.ApplicationContext"))
                .isInstanceOf(ClassNotFoundException.class);
        assertThat(pluginLoader.getResource("META-INF/services/io.cloudexchange.plugin.api.Plugin").toString())
                .contains("acme.jar");
    }

    @Test
    void refusesAJarWithoutTheManifestEntries() throws IOException {
        PluginJarBuilder.jar(customPlugins, "bad-manifest.jar").plugin("bad-feed", "1.0.0", "0.1.0")
                .manifestEntry(PluginJarManifest.VERSION, null).build();

        assertRefusedWhileOthersLoad("bad-feed", PluginErrorCodes.BAD_MANIFEST, "the manifest lacks CloudExchange-Plugin-Version");
    }

    @Test
    void refusesAJarWhoseManifestDoesNotMatchItsDescriptor() throws IOException {
        PluginJarBuilder.jar(customPlugins, "mismatch.jar").plugin("real-feed", "1.0.0", "0.1.0")
                .manifestEntry(PluginJarManifest.ID, "claimed-feed").build();

        assertRefusedWhileOthersLoad("real-feed", PluginErrorCodes.MANIFEST_MISMATCH,
                "CloudExchange-Plugin-Id is 'claimed-feed' but the descriptor says 'real-feed'");
    }

    @Test
    void refusesAJarWithTheIdOfABundledPlugin() throws IOException {
        PluginJarBuilder.jar(customPlugins, "impostor.jar").plugin(BUNDLED_ID, "9.0.0", "0.1.0").build();

        assertRefusedWhileOthersLoad(BUNDLED_ID, PluginErrorCodes.DUPLICATE_ID, "already used by a bundled plugin");
        assertThat(registry.find(BUNDLED_ID).orElseThrow().source()).isEqualTo(LoadedPlugin.Source.BUNDLED);
    }

    @Test
    void refusesAJarThatNeedsANewerPlatform() throws IOException {
        PluginJarBuilder.jar(customPlugins, "future.jar").plugin("future-feed", "1.0.0", "99.0.0").build();

        assertRefusedWhileOthersLoad("future-feed", PluginErrorCodes.PLATFORM_TOO_OLD,
                "needs platform 99.0.0 or later; this is " + PlatformVersion.current());
    }

    @Test
    void refusesAJarWithoutAServicesEntry() throws IOException {
        PluginJarBuilder.jar(customPlugins, "unregistered.jar").plugin("silent-feed", "1.0.0", "0.1.0")
                .servicesFile(null).build();

        assertRefusedWhileOthersLoad("silent-feed", PluginErrorCodes.NOT_ONE_PLUGIN,
                "the jar has no META-INF/services/io.cloudexchange.plugin.api.Plugin");
    }

    @Test
    void refusesAJarNamingSeveralPlugins() throws IOException {
        PluginJarBuilder.jar(customPlugins, "crowded.jar").plugin("crowded-feed", "1.0.0", "0.1.0")
                .servicesFile("# two plugins\ncustom.feed.CustomFeed\ncustom.feed.Other\n").build();

        assertRefusedWhileOthersLoad("crowded-feed", PluginErrorCodes.NOT_ONE_PLUGIN, "names 2 plugins");
    }

    @Test
    void refusesAJarWhosePluginClassIsMissing() throws IOException {
        PluginJarBuilder.jar(customPlugins, "hollow.jar").plugin("hollow-feed", "1.0.0", "0.1.0")
                .servicesFile("custom.feed.Missing\n").build();

        assertRefusedWhileOthersLoad("hollow-feed", PluginErrorCodes.CLASS_LOAD_FAILED, "class custom.feed.Missing is not in the jar");
    }

    @Test
    void refusesAFileThatIsNotAJar() throws IOException {
        Files.writeString(customPlugins.resolve("notes.jar"), "not a zip");

        start();

        assertThat(platformLog.warnings()).singleElement()
                .satisfies(warning -> assertThat(warning.errorCode()).isEqualTo(PluginErrorCodes.BAD_MANIFEST));
        assertThat(registry.find(BUNDLED_ID)).isPresent();
    }

    @Test
    void installStoresAndLoadsAnAcceptedJar() throws IOException {
        start();
        Path upload = PluginJarBuilder.jar(uploads, "my upload.jar").plugin("acme-feed", "2.0.0", "0.1.0").build();

        LoadedPlugin installed = install(upload, "my upload.jar");

        Path stored = customPlugins.resolve("acme-feed-2.0.0.jar");
        assertThat(installed.jar()).isEqualTo(stored);
        assertThat(filesIn(customPlugins)).containsExactly(stored);
        assertThat(registry.find("acme-feed")).containsSame(installed);
        assertThat(pull(installed.plugin())).extracting(Indicator::value).containsExactly("acme-feed.example");
    }

    @Test
    void installedJarIsLoadedAgainAfterARestart() throws IOException {
        start();
        install(PluginJarBuilder.jar(uploads, "acme.jar").plugin("acme-feed", "2.0.0", "0.1.0").build(), "acme.jar");
        registry.close();

        start();

        assertThat(registry.find("acme-feed")).isPresent();
    }

    @Test
    void installOfARefusedJarLeavesNothingBehind() throws IOException {
        start();
        Path upload = PluginJarBuilder.jar(uploads, "future.jar").plugin("future-feed", "1.0.0", "99.0.0").build();

        assertThatThrownBy(() -> install(upload, "future.jar"))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessageContaining("needs platform 99.0.0")
                .satisfies(e -> assertThat(((PluginRejectedException) e).errorCode()).isEqualTo(PluginErrorCodes.PLATFORM_TOO_OLD));
        assertThat(filesIn(customPlugins)).isEmpty();
        assertThat(registry.find("future-feed")).isEmpty();
    }

    @Test
    void installRefusesASecondPluginWithTheSameId() throws IOException {
        start();
        install(PluginJarBuilder.jar(uploads, "acme.jar").plugin("acme-feed", "1.0.0", "0.1.0").build(), "acme.jar");
        Path newer = PluginJarBuilder.jar(uploads, "acme-2.jar").plugin("acme-feed", "2.0.0", "0.1.0").build();

        assertThatThrownBy(() -> install(newer, "acme-2.jar"))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessage("plugin id acme-feed is already used by custom jar acme-feed-1.0.0.jar");
        assertThat(filesIn(customPlugins)).containsExactly(customPlugins.resolve("acme-feed-1.0.0.jar"));
        assertThat(registry.find("acme-feed").orElseThrow().descriptor().version()).isEqualTo("1.0.0");
    }

    @Test
    void installRefusesAFileNotNamedLikeAJar() throws IOException {
        start();
        Path upload = PluginJarBuilder.jar(uploads, "acme.jar").plugin("acme-feed", "1.0.0", "0.1.0").build();

        assertThatThrownBy(() -> install(upload, "acme.zip"))
                .isInstanceOf(PluginRejectedException.class)
                .hasMessageContaining(".jar");
        assertThat(filesIn(customPlugins)).isEmpty();
    }

    private void assertRefusedWhileOthersLoad(String refusedId, String errorCode, String reason) throws IOException {
        PluginJarBuilder.jar(customPlugins, "good.jar").plugin("good-feed", "1.0.0", "0.1.0").build();

        start();

        assertThat(platformLog.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.errorCode()).isEqualTo(errorCode);
            assertThat(warning.message()).contains(reason);
        });
        assertThat(registry.all()).extracting(LoadedPlugin::id).contains("good-feed", BUNDLED_ID);
        if (!refusedId.equals(BUNDLED_ID)) {
            assertThat(registry.find(refusedId)).isEmpty();
        }
    }

    private void start() {
        registry = new DefaultPluginRegistry(customPlugins, getClass().getClassLoader(), PlatformVersion.current(), platformLog);
    }

    private LoadedPlugin install(Path jar, String fileName) throws IOException {
        try (InputStream in = Files.newInputStream(jar)) {
            return registry.install(in, fileName);
        }
    }

    private static List<Indicator> pull(Plugin plugin) {
        return ((ThreatIntelPlugin) plugin).pullIndicators(null, Checkpoint.initial()).items();
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }
}

package io.cloudexchange.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Plugins may use only the plugin API and the JDK: anything else would not be on a custom plugin's
 * class path at run time, and would tie bundled plugins to core internals.
 * <p>
 * The classes checked are those on this module's test class path, so <b>every plugin module must be
 * a test dependency of architecture-tests</b> (see its pom.xml); a plugin left out is not checked.
 */
class PluginDependencyRulesTest {

    private static final String PLUGINS = "io.cloudexchange.plugins";
    private static final String PLUGIN_API = "io.cloudexchange.plugin.api";

    private static final JavaClasses PLUGIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLUGINS);

    private static final JavaClasses API_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(PLUGIN_API);

    @Test
    void pluginsDependOnlyOnThePluginApiAndTheJdk() {
        classes().that().resideInAPackage(PLUGINS + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java..", "javax.net..", "javax.crypto..", PLUGIN_API + "..", PLUGINS + "..")
                .because("a plugin runs in its own class loader that offers only the JDK and " + PLUGIN_API
                        + "; fix it by using the plugin API (PluginContext gives HTTP, storage, logging and the clock)"
                        + " or by bundling the library inside the plugin jar. If no plugin classes were found, add the"
                        + " plugin module as a test dependency of architecture-tests/pom.xml")
                .check(PLUGIN_CLASSES);
    }

    @Test
    void pluginsDoNotDependOnEachOther() {
        slices().matching(PLUGINS + ".(*)..").should().notDependOnEachOther()
                .because("each plugin is loaded on its own and cannot see another plugin's classes;"
                        + " move shared code into the plugin API or copy it into both plugins")
                .check(PLUGIN_CLASSES);
    }

    @Test
    void pluginApiDependsOnlyOnTheJdk() {
        classes().that().resideInAPackage(PLUGIN_API + "..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", PLUGIN_API + "..")
                .because("plugin-api is the contract every plugin compiles against and the platform shares with"
                        + " every plugin class loader; a library here would be forced on all plugins."
                        + " Keep such code in core-service and expose only JDK types in the API")
                .check(API_CLASSES);
    }
}

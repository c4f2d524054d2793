package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PlatformVersion;
import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.are.AppRiskPlugin;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigStep;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cre.RiskPlugin;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import io.cloudexchange.plugin.api.cto.AlertSourcePlugin;
import io.cloudexchange.plugin.api.cto.TicketingPlugin;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What every plugin must do, whatever its module. Extend one of the module contract tests (which
 * extend this one) and implement {@link #createPlugin()}; override {@link #validConfiguration()}
 * when the schema has mandatory fields without defaults, and {@link #context(Map)} to point the
 * plugin at a local mock server.
 */
public abstract class PluginContractTest<P extends Plugin> {

    /** A fresh instance of the plugin under test, created the way the platform does (no-arg constructor). */
    protected abstract P createPlugin();

    /** Configuration values the schema accepts; the schema's defaults fill the rest. */
    protected Map<String, Object> validConfiguration() {
        return Map.of();
    }

    /** The context the contract tests call the plugin with. */
    protected TestPluginContext context(Map<String, Object> configuration) {
        return TestPluginContext.builder()
                .defaultsFrom(createPlugin().configSchema())
                .config(configuration)
                .build();
    }

    /** A context for {@link #validConfiguration()}. */
    protected final TestPluginContext validContext() {
        return context(validConfiguration());
    }

    @Test
    void descriptorIsCompleteAndStable() {
        P plugin = createPlugin();
        PluginDescriptor descriptor = plugin.descriptor();

        assertThat(descriptor).as("descriptor()").isNotNull();
        assertThat(plugin.descriptor()).as("descriptor() must return the same value every time").isEqualTo(descriptor);
        assertThat(PlatformVersion.parse(descriptor.minimumPlatformVersion()))
                .as("minimum platform version of %s", descriptor.id())
                .isLessThanOrEqualTo(PlatformVersion.current());
    }

    @Test
    void implementsTheContractOfEveryModuleItServes() {
        P plugin = createPlugin();
        for (PlatformModule module : plugin.descriptor().modules()) {
            List<Class<?>> contracts = contractsOf(module);
            assertThat(contracts.stream().anyMatch(contract -> contract.isInstance(plugin)))
                    .as("%s serves %s, so it must implement one of %s", plugin.getClass().getSimpleName(), module,
                            contracts.stream().map(Class::getSimpleName).toList())
                    .isTrue();
        }
    }

    @Test
    void canBeCreatedAndFoundByServiceLoader() throws NoSuchMethodException {
        Class<?> type = createPlugin().getClass();
        assertThat(Modifier.isPublic(type.getModifiers())).as("%s must be public", type.getName()).isTrue();
        assertThat(Modifier.isPublic(type.getConstructor().getModifiers())).isTrue();

        Set<Class<?>> registered = ServiceLoader.load(Plugin.class, type.getClassLoader()).stream()
                .map(ServiceLoader.Provider::type)
                .collect(Collectors.toSet());
        assertThat(registered)
                .as("META-INF/services/%s must name %s", Plugin.class.getName(), type.getName())
                .contains(type);
    }

    @Test
    void schemaIsWellFormed() {
        ConfigSchema schema = createPlugin().configSchema();

        assertThat(schema).as("configSchema()").isNotNull();
        assertThat(schema.steps().stream().map(ConfigStep::name).distinct().count())
                .as("step names must be unique")
                .isEqualTo(schema.steps().size());
        for (ConfigField field : schema.fields()) {
            assertThat(field.label()).as("label of %s", field.key()).isNotBlank();
        }
    }

    @Test
    void emptyConfigurationIsReportedPerMandatoryFieldWithoutThrowing() {
        ConfigSchema schema = createPlugin().configSchema();
        Set<String> mandatoryWithoutDefault = schema.fields().stream()
                .filter(field -> field.mandatory() && field.defaultValue() == null)
                .map(ConfigField::key)
                .collect(Collectors.toSet());

        ValidationResult result = schema.validate(Map.of());

        assertThat(result.fieldErrors().keySet()).isEqualTo(mandatoryWithoutDefault);
        assertThat(result.message()).isNull();
    }

    @Test
    void defaultsSatisfyTheirOwnFields() {
        ConfigSchema schema = createPlugin().configSchema();
        Set<String> fieldsWithDefault = schema.fields().stream()
                .filter(field -> field.defaultValue() != null)
                .map(ConfigField::key)
                .collect(Collectors.toSet());

        assertThat(schema.validate(Map.of()).fieldErrors())
                .as("a default value the schema itself refuses")
                .doesNotContainKeys(fieldsWithDefault.toArray(String[]::new));
    }

    @Test
    void validConfigurationIsAccepted() {
        P plugin = createPlugin();

        assertThat(plugin.configSchema().validate(validConfiguration()).fieldErrors())
                .as("schema errors of validConfiguration()")
                .isEmpty();
        ValidationResult result = plugin.validate(validContext());
        assertThat(result.isValid()).as("validate() of validConfiguration(): %s", result).isTrue();
    }

    private static List<Class<?>> contractsOf(PlatformModule module) {
        return switch (module) {
            case CTE -> List.of(ThreatIntelPlugin.class);
            case CTO -> List.of(TicketingPlugin.class, AlertSourcePlugin.class);
            case CRE -> List.of(RiskPlugin.class);
            case ARE -> List.of(AppRiskPlugin.class);
            case CLS -> List.of(LogSourcePlugin.class, LogDestinationPlugin.class);
        };
    }
}

package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Action;
import io.cloudexchange.plugin.api.ActionDefinition;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PushResult;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ValidationResult;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Contract of a Threat Exchange destination (capability {@code PUSH}): it offers actions with
 * well-formed parameters, validates them field by field and treats an empty batch as a no-op.
 */
public abstract class ThreatIntelDestinationContractTest<P extends ThreatIntelPlugin> extends PluginContractTest<P> {

    @Test
    void declaresPushForThreatExchange() {
        var descriptor = createPlugin().descriptor();
        assertThat(descriptor.serves(PlatformModule.CTE)).as("serves CTE").isTrue();
        assertThat(descriptor.supports(Capability.PUSH)).as("declares PUSH").isTrue();
    }

    @Test
    void offersActionsWithUniqueValues() {
        List<ActionDefinition> actions = actions();

        assertThat(actions).as("actions()").isNotEmpty();
        assertThat(actions.stream().map(ActionDefinition::value)).doesNotHaveDuplicates();
    }

    @Test
    void actionWithoutParametersIsReportedPerMandatoryParameter() {
        P plugin = createPlugin();
        for (ActionDefinition definition : actions()) {
            var expected = definition.parameters().fields().stream()
                    .filter(field -> field.mandatory() && field.defaultValue() == null)
                    .map(ConfigField::key)
                    .collect(Collectors.toSet());

            ValidationResult result = plugin.validateAction(validContext(), new Action(definition.value(), Map.of()));

            assertThat(result.fieldErrors().keySet()).as("problems of action %s", definition.value()).isEqualTo(expected);
        }
    }

    @Test
    void unknownActionIsReportedWithoutThrowing() {
        ValidationResult result = createPlugin().validateAction(validContext(), new Action("no-such-action", Map.of()));

        assertThat(result.isValid()).isFalse();
    }

    @Test
    void pushingNoIndicatorsSucceeds() {
        ActionDefinition first = actions().get(0);
        Action action = new Action(first.value(), first.parameters().withDefaults(Map.of()));

        PushResult result = createPlugin().push(validContext(), List.of(), action);

        assertThat(result).isNotNull();
        assertThat(result.success()).as("push of an empty batch: %s", result.message()).isTrue();
    }

    private List<ActionDefinition> actions() {
        return createPlugin().actions(validContext());
    }
}

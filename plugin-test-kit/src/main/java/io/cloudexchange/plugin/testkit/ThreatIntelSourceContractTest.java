package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.ThreatIntelPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Contract of a Threat Exchange source (capability {@code PULL}). Pulls run against
 * {@link #validConfiguration()} in {@link #context}.
 */
public abstract class ThreatIntelSourceContractTest<P extends ThreatIntelPlugin> extends PluginContractTest<P> {

    @Test
    void declaresPullForThreatExchange() {
        var descriptor = createPlugin().descriptor();
        assertThat(descriptor.serves(PlatformModule.CTE)).as("serves CTE").isTrue();
        assertThat(descriptor.supports(Capability.PULL)).as("declares PULL").isTrue();
    }

    @Test
    void firstPullReturnsValidIndicatorsAndANewCheckpoint() {
        PullPage<Indicator> page = pull(Checkpoint.initial());

        assertThat(page.next().isInitial()).as("checkpoint after the first page must record progress").isFalse();
        assertValid(page.items());
    }

    @Test
    void pullingFromTheReturnedCheckpointMovesForward() {
        PullPage<Indicator> first = pull(Checkpoint.initial());
        PullPage<Indicator> second = pull(first.next());

        assertValid(second.items());
        assertThat(keys(second.items()))
                .as("indicators pulled again after the checkpoint that followed them")
                .doesNotContainAnyElementsOf(keys(first.items()));
        if (!second.items().isEmpty()) {
            assertThat(second.next()).as("checkpoint after a page with new items").isNotEqualTo(first.next());
        }
    }

    private PullPage<Indicator> pull(Checkpoint checkpoint) {
        TestPluginContext context = validContext().toBuilder().checkpoint(checkpoint).build();
        PullPage<Indicator> page = createPlugin().pullIndicators(context, checkpoint);
        assertThat(page).as("pullIndicators() result").isNotNull();
        return page;
    }

    private static List<String> keys(List<Indicator> indicators) {
        return indicators.stream().map(indicator -> indicator.type() + ":" + indicator.value()).toList();
    }

    private static void assertValid(List<Indicator> indicators) {
        assertThat(indicators).doesNotContainNull();
        assertThat(indicators).allSatisfy(indicator -> assertThat(indicator.value()).isNotBlank());
    }
}

package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cre.Entity;
import io.cloudexchange.plugin.api.cre.RiskPlugin;
import io.cloudexchange.plugin.api.cre.RiskRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of a Risk Exchange plugin: named entities, records fetched per entity and moving forward. */
public abstract class RiskContractTest<P extends RiskPlugin> extends PluginContractTest<P> {

    @Test
    void servesRiskExchange() {
        assertThat(createPlugin().descriptor().serves(PlatformModule.CRE)).isTrue();
    }

    @Test
    void entitiesHaveUniqueNamesAndFields() {
        List<Entity> entities = entities();

        assertThat(entities).as("entities()").isNotEmpty();
        assertThat(entities).extracting(Entity::name).doesNotHaveDuplicates();
        assertThat(entities).allSatisfy(entity -> assertThat(entity.fields()).as("fields of %s", entity.name()).isNotEmpty());
    }

    @Test
    void recordsBelongToTheirEntityAndAreNotFetchedTwice() {
        for (Entity entity : entities()) {
            PullPage<RiskRecord> first = fetch(entity, Checkpoint.initial());
            PullPage<RiskRecord> second = fetch(entity, first.next());

            assertThat(first.next().isInitial()).as("checkpoint of %s after the first page", entity.name()).isFalse();
            assertThat(first.items()).allSatisfy(record -> assertThat(record.entity()).isEqualTo(entity.name()));
            assertThat(second.items()).extracting(RiskRecord::uid)
                    .as("%s records fetched again after their checkpoint", entity.name())
                    .doesNotContainAnyElementsOf(first.items().stream().map(RiskRecord::uid).toList());
        }
    }

    private List<Entity> entities() {
        return createPlugin().entities(validContext());
    }

    private PullPage<RiskRecord> fetch(Entity entity, Checkpoint checkpoint) {
        TestPluginContext context = validContext().toBuilder().checkpoint(checkpoint).build();
        PullPage<RiskRecord> page = createPlugin().fetchRecords(context, entity.name(), checkpoint);
        assertThat(page).as("fetchRecords() result").isNotNull();
        assertThat(page.items()).doesNotContainNull();
        return page;
    }
}

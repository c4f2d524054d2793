package io.cloudexchange.core.pull;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.cloudexchange.core.configurations.ConfigurationDeletedEvent;
import io.cloudexchange.core.runtime.CheckpointReader;
import io.cloudexchange.core.runtime.MongoKeys;
import io.cloudexchange.plugin.api.Checkpoint;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.event.EventListener;
import org.springframework.data.mongodb.core.MongoOperations;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

/** Reads and updates the {@code pull_state} collection; each write touches only the fields it owns. */
@Component
class PullStateStore implements CheckpointReader {

    private final MongoOperations mongo;

    PullStateStore(MongoOperations mongo) {
        this.mongo = mongo;
    }

    PullState find(String configurationId) {
        return Optional.ofNullable(mongo.findById(configurationId, PullState.class))
                .orElseGet(() -> PullState.initial(configurationId));
    }

    /** States of the given configurations; a configuration that never ran gets its initial state. */
    Map<String, PullState> findAll(Collection<String> configurationIds) {
        Map<String, PullState> stored = mongo.find(Query.query(where("_id").in(configurationIds)), PullState.class)
                .stream().collect(Collectors.toMap(PullState::configurationId, Function.identity()));
        return configurationIds.stream().collect(Collectors.toMap(Function.identity(),
                id -> stored.getOrDefault(id, PullState.initial(id))));
    }

    @Override
    public Checkpoint checkpoint(String configurationId, String stream) {
        return find(configurationId).checkpoint(stream);
    }

    void saveCheckpoint(String configurationId, String stream, Checkpoint checkpoint) {
        update(configurationId, new Update().set("checkpoints." + MongoKeys.escape(stream),
                MongoKeys.escapeKeys(checkpoint.values())));
    }

    void started(String configurationId, PullStatus running) {
        update(configurationId, new Update().set("lastRun", running));
    }

    void finished(String configurationId, PullStatus status, Instant nextRunAt, int consecutiveFailures) {
        update(configurationId, new Update().set("lastRun", status).set("nextRunAt", nextRunAt)
                .set("consecutiveFailures", consecutiveFailures));
    }

    void requestRun(String configurationId, Instant requestedAt) {
        update(configurationId, new Update().set("runRequestedAt", requestedAt));
    }

    @EventListener
    void onConfigurationDeleted(ConfigurationDeletedEvent event) {
        mongo.remove(byId(event.configurationId()), PullState.class);
    }

    private void update(String configurationId, Update update) {
        if (!update.modifies("consecutiveFailures")) {
            update.setOnInsert("consecutiveFailures", 0);
        }
        mongo.upsert(byId(configurationId), update, PullState.class);
    }

    private static Query byId(String configurationId) {
        return Query.query(where("_id").is(configurationId));
    }
}

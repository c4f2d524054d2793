package io.cloudexchange.core.cte;

import com.mongodb.MongoException;
import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.messaging.TransientBatchException;
import io.cloudexchange.core.workers.BatchItems;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import java.time.Clock;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Stores pulled indicators through the {@link IndicatorWriter}: one document per type and normalised value,
 * merged across sources. An invalid item is logged with its reason and the rest of the batch is stored.
 */
@Component
@ConditionalOnWorkers
class IndicatorBatchHandler implements BatchHandler {

    private final IndicatorWriter writer;
    private final BatchItems items;
    private final Clock clock;

    IndicatorBatchHandler(IndicatorWriter writer, BatchItems items, Clock clock) {
        this.writer = writer;
        this.items = items;
        this.clock = clock;
    }

    @Override
    public PlatformModule module() {
        return PlatformModule.CTE;
    }

    @Override
    public void handle(BatchMessage batch) {
        if (batch.kind() != BatchMessage.Kind.INDICATORS) {
            throw new IllegalArgumentException("the CTE worker stores indicators, not " + batch.kind());
        }
        var report = new IndicatorWriter.Report(batch.configurationId(), batch.pluginId(), batch.batchId(),
                batch.createdAt() == null ? clock.instant() : batch.createdAt(), items.read(batch, Indicator.class));
        IndicatorWriter.Outcome outcome;
        try {
            outcome = writer.write(report);
        } catch (DataAccessException | MongoException e) {
            throw new TransientBatchException("could not store batch " + batch.batchId() + " in "
                    + StoredIndicator.COLLECTION, e);
        }
        for (RejectedItem rejected : outcome.rejected()) {
            items.skip(batch, rejected.value(), rejected.reason());
        }
    }
}

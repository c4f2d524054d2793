package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.messaging.BatchHandler;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.ConditionalOnWorkers;
import io.cloudexchange.core.messaging.ReceivedBatch;
import io.cloudexchange.core.messaging.TransientBatchException;
import io.cloudexchange.plugin.api.PlatformModule;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Log Shipper worker on {@code ce.cls.batches}: copies each pulled batch, as one message, into the
 * durable queue of every destination an enabled SIEM mapping of its source names. The source batch is
 * acknowledged only after every copy is confirmed by the broker; a failure retries the whole batch later
 * (a destination may then receive it twice, never zero times). A batch of a historical pull
 * ({@link BatchMessage#targetMappingId()}) goes only to the SIEM mapping it was pulled for.
 */
@Component
@ConditionalOnWorkers
class ClsBatchHandler implements BatchHandler {

    private static final Logger log = LoggerFactory.getLogger(ClsBatchHandler.class);

    private final SiemMappingRepository mappings;
    private final DestinationBatches batches;
    private final ClsCounters counters;

    ClsBatchHandler(SiemMappingRepository mappings, DestinationBatches batches, ClsCounters counters) {
        this.mappings = mappings;
        this.batches = batches;
        this.counters = counters;
    }

    @Override
    public PlatformModule module() {
        return PlatformModule.CLS;
    }

    @Override
    public void handle(BatchMessage batch) {
        route(batch.kind(), batch.configurationId(), batch.targetMappingId(), batch.batchId(), batch.items().size(),
                (destination, mapping) -> batches.send(destination, new DestinationBatch(mapping, batch)));
    }

    /** Forwards the batch's body as it came, without decoding and re-writing every record. */
    @Override
    public void handle(ReceivedBatch batch) {
        route(batch.kind(), batch.configurationId(), batch.targetMappingId(), batch.batchId(), batch.itemCount(),
                (destination, mapping) -> batches.forward(destination, mapping, batch.body(), batch.batchId(),
                        batch.itemCount()));
    }

    private void route(BatchMessage.Kind kind, String configurationId, String targetMappingId, String batchId, int items,
            Forward forward) {
        if (kind != BatchMessage.Kind.LOGS) {
            throw new IllegalArgumentException("the Log Shipper worker ships logs, not " + kind);
        }
        List<SiemMapping> targets;
        try {
            targets = targets(configurationId, targetMappingId);
        } catch (RuntimeException e) {
            throw new TransientBatchException("cannot read the SIEM mappings", e);
        }
        if (targets.isEmpty()) {
            log.debug("No enabled SIEM mapping ships source {}; batch {} is not forwarded", configurationId, batchId);
            return;
        }
        for (SiemMapping mapping : targets) {
            try {
                forward.to(mapping.destinationConfigurationId(), mapping.id());
            } catch (RuntimeException e) {
                throw new TransientBatchException("cannot queue batch " + batchId + " for destination "
                        + mapping.destinationConfigurationId(), e);
            }
        }
        targets.forEach(mapping -> counters.add(mapping.id(), ClsCounters.Outcome.PULLED, items));
    }

    private interface Forward {
        void to(String destinationConfigurationId, String mappingId);
    }

    /** A historical pull's batch goes only to the mapping it was pulled for, if that still ships its source. */
    private List<SiemMapping> targets(String configurationId, String targetMappingId) {
        if (targetMappingId == null) {
            return mappings.findBySourceConfigurationIdAndEnabledTrue(configurationId);
        }
        return mappings.findById(targetMappingId)
                .filter(mapping -> mapping.enabled() && mapping.sourceConfigurationId().equals(configurationId))
                .map(List::of)
                .orElse(List.of());
    }
}

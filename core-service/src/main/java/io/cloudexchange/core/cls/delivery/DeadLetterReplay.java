package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Puts dead letters back in their destination's queue, one batch per mapping and stream, and removes them
 * from the store only after the broker confirmed the batch (a crash in between replays them twice, never
 * loses them). The records are mapped again on delivery, so a fixed mapping file applies.
 */
@Component
class DeadLetterReplay {

    static final int MAX_PER_REQUEST = 10_000;
    private static final int RECORDS_PER_BATCH = 1_000;

    private final DeadLetterStore store;
    private final SiemMappingRepository mappings;
    private final DestinationBatches batches;
    private final Clock clock;

    DeadLetterReplay(DeadLetterStore store, SiemMappingRepository mappings, DestinationBatches batches, Clock clock) {
        this.store = store;
        this.mappings = mappings;
        this.batches = batches;
        this.clock = clock;
    }

    record Outcome(int replayed, int skipped) {
    }

    Outcome replay(List<DeadLetter> letters) {
        Map<String, List<DeadLetter>> groups = new LinkedHashMap<>();
        letters.forEach(letter -> groups.computeIfAbsent(letter.mappingId() + "\n" + letter.stream(),
                key -> new ArrayList<>()).add(letter));
        int replayed = 0;
        int skipped = 0;
        for (List<DeadLetter> group : groups.values()) {
            Optional<SiemMapping> mapping = mappings.findById(group.get(0).mappingId());
            if (mapping.isEmpty()) {
                skipped += group.size();
                continue;
            }
            for (int from = 0; from < group.size(); from += RECORDS_PER_BATCH) {
                List<DeadLetter> part = group.subList(from, Math.min(group.size(), from + RECORDS_PER_BATCH));
                DeadLetter first = part.get(0);
                BatchMessage batch = new BatchMessage("replay-" + UUID.randomUUID(), PlatformModule.CLS,
                        first.sourceConfigurationId(), null, first.stream(), BatchMessage.Kind.LOGS, clock.instant(),
                        part.stream().map(store::record).toList());
                batches.send(mapping.get().destinationConfigurationId(), new DestinationBatch(mapping.get().id(), batch));
                store.delete(part.stream().map(DeadLetter::id).toList());
                replayed += part.size();
            }
        }
        return new Outcome(replayed, skipped);
    }
}

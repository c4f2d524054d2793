package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.cls.siem.SiemMappingRepository;
import io.cloudexchange.core.pull.PullGate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Pauses the pulls of every source that feeds a destination whose queue holds {@code maxQueuedBatches}
 * batches or more, and lets them pull again once it is below half of that. The backlog waits in the
 * broker (on disk), so the core's memory stays bounded and nothing is dropped.
 */
@Component
class DestinationBackPressure implements PullGate {

    private static final Logger log = LoggerFactory.getLogger(DestinationBackPressure.class);

    private final SiemMappingRepository mappings;
    private final DestinationBatches batches;
    private final int high;
    private final int low;
    private final Set<String> fullDestinations = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> depths = new ConcurrentHashMap<>();
    private volatile Set<String> pausedSources = Set.of();

    DestinationBackPressure(SiemMappingRepository mappings, DestinationBatches batches, ClsProperties properties) {
        this.mappings = mappings;
        this.batches = batches;
        this.high = Math.max(1, properties.maxQueuedBatches());
        this.low = Math.max(0, high / 2);
    }

    @Override
    public boolean mayPull(String configurationId) {
        return !pausedSources.contains(configurationId);
    }

    /** Measures every destination queue and decides which sources pause. */
    @Scheduled(fixedDelayString = "${cloudexchange.cls.refresh:2s}")
    void measure() {
        List<SiemMapping> all;
        try {
            all = mappings.findAll();
        } catch (RuntimeException e) {
            log.warn("Could not read SIEM mappings for back-pressure: {}", e.toString());
            return;
        }
        Set<String> destinations = new HashSet<>();
        all.forEach(mapping -> destinations.add(mapping.destinationConfigurationId()));
        for (String destination : destinations) {
            try {
                long depth = batches.depth(destination);
                depths.put(destination, depth);
                if (depth >= high && fullDestinations.add(destination)) {
                    log.warn("Destination {} has {} batches queued (bound {}): pausing the sources that feed it",
                            destination, depth, high);
                } else if (depth <= low && fullDestinations.remove(destination)) {
                    log.info("Destination {} is down to {} queued batches: its sources pull again", destination, depth);
                }
            } catch (RuntimeException e) {
                batches.forget(destination);
                log.warn("Could not measure the queue of destination {}: {}", destination, e.toString());
            }
        }
        fullDestinations.retainAll(destinations);
        depths.keySet().retainAll(destinations);
        Set<String> paused = new HashSet<>();
        all.stream().filter(mapping -> fullDestinations.contains(mapping.destinationConfigurationId()))
                .forEach(mapping -> paused.add(mapping.sourceConfigurationId()));
        pausedSources = Set.copyOf(paused);
    }

    /** Queued batches per destination at the last measurement. */
    Map<String, Long> depths() {
        return new HashMap<>(depths);
    }

    Set<String> pausedSources() {
        return pausedSources;
    }
}

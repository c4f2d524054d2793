package io.cloudexchange.core.cls.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Log Shipper delivery settings under {@code cloudexchange.cls.*}.
 *
 * @param maxQueuedBatches back-pressure bound: batches waiting in one destination's queue before the sources
 *     that feed it pause; they resume below half of it
 * @param backoffInitial first wait after a transient delivery failure
 * @param backoffMax longest wait between attempts (the waits double up to it, with ±20 % jitter)
 * @param holdLimit how long a worker keeps retrying one batch before handing it back to its queue (which
 *     stays ahead of the other batches); keeps the broker's consumer timeout from closing the channel
 * @param refresh how often destination workers and back-pressure are brought in line with the SIEM mappings
 */
@ConfigurationProperties("cloudexchange.cls")
public record ClsProperties(@DefaultValue("1000") int maxQueuedBatches,
                            @DefaultValue("1s") Duration backoffInitial,
                            @DefaultValue("60s") Duration backoffMax,
                            @DefaultValue("10m") Duration holdLimit,
                            @DefaultValue("2s") Duration refresh) {
}

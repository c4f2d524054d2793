package io.cloudexchange.plugin.api.cls;

import io.cloudexchange.plugin.api.Plugin;
import io.cloudexchange.plugin.api.PluginContext;
import java.util.List;
import java.util.Set;

/**
 * Log Shipper destination contract. The platform filters records with business rules and maps them to
 * one of the {@link #supportedFormats()}; the destination adds its transport envelope (a syslog header
 * and framing, an HEC event object, a bulk action line...) and delivers the batch. The batch is
 * acknowledged to the broker only for the records {@link #deliver} reports as delivered.
 *
 * <p>{@code deliver} must not throw for a target's refusal or outage: it says so in its
 * {@link DeliveryResult} (RETRY for network errors, 429 and 5xx; REJECTED or a PARTIAL result with
 * non-retryable failures for 400, 413, 422...). An exception is treated as a transient failure.
 * Where the target allows it, delivery is idempotent per {@link MappedLog#id()} (e.g. an Elasticsearch
 * document id), because a batch may be delivered again after a crash.
 */
public interface LogDestinationPlugin extends Plugin {

    Set<LogFormat> supportedFormats();

    DeliveryResult deliver(PluginContext context, List<MappedLog> logs);

    /** Largest number of records per {@link #deliver} call; the core splits larger batches. */
    default int maxBatchSize() {
        return 10_000;
    }
}

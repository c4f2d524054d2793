package io.cloudexchange.core.messaging;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.cloudexchange.plugin.api.PlatformModule;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One pulled page travelling through the broker as one message (never one message per record).
 *
 * @param batchId unique id (workers use it to make redelivery harmless)
 * @param module the module whose queue carries it
 * @param configurationId the source configuration
 * @param pluginId the source plugin
 * @param stream stream key within the configuration (e.g. {@code default}, {@code alert:dlp}, an entity name)
 * @param kind what the items are: see {@link Kind}
 * @param createdAt when the page was pulled
 * @param items the records as JSON objects (e.g. an {@code Indicator} converted with Jackson)
 * @param targetMappingId null for a live pull (every enabled SIEM mapping of the source ships it); for a
 *     Log Shipper historical pull the one SIEM mapping the administrator asked for, the only one that ships it
 */
@JsonPropertyOrder({"batchId", "module", "configurationId", "pluginId", "stream", "kind", "createdAt", "targetMappingId",
        "items"}) // the header first: a reader can stream the items
public record BatchMessage(String batchId, PlatformModule module, String configurationId, String pluginId,
                           String stream, Kind kind, Instant createdAt, List<Map<String, Object>> items,
                           String targetMappingId) {

    public enum Kind { INDICATORS, ALERTS, LOGS, RISK_RECORDS }

    public BatchMessage {
        Objects.requireNonNull(batchId, "batchId");
        Objects.requireNonNull(module, "module");
        Objects.requireNonNull(kind, "kind");
        items = items == null ? List.of() : items;
    }

    /** A batch of a live pull, for every consumer of its source. */
    public BatchMessage(String batchId, PlatformModule module, String configurationId, String pluginId,
                        String stream, Kind kind, Instant createdAt, List<Map<String, Object>> items) {
        this(batchId, module, configurationId, pluginId, stream, kind, createdAt, items, null);
    }
}

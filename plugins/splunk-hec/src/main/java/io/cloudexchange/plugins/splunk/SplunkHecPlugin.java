package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.cls.Chunks;
import io.cloudexchange.plugin.api.cls.BatchOutcome;
import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Log Shipper destination for Splunk's HTTP Event Collector: batches of event objects concatenated in
 * one POST to {@code /services/collector/event}, optionally confirmed with indexer acknowledgement
 * ({@link SplunkAcks}). Status codes follow Splunk's HEC error table ({@link HecResponse}).
 */
public final class SplunkHecPlugin implements LogDestinationPlugin {

    static final String EVENT_PATH = "/services/collector/event";
    static final String ACK_PATH = "/services/collector/ack";
    static final String CHANNEL_HEADER = "X-Splunk-Request-Channel";

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "splunk-hec",
            "Splunk HTTP Event Collector",
            "1.0.0",
            "Sends logs to Splunk through the HTTP Event Collector, optionally with indexer acknowledgement.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PUSH));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return SplunkSettings.SCHEMA;
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.JSON, LogFormat.CEF, LogFormat.LEEF);
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        return new SplunkValidation(SplunkSettings.from(context.config()), context).check();
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        if (logs.isEmpty()) {
            return DeliveryResult.delivered("nothing to send");
        }
        SplunkSettings settings = SplunkSettings.from(context.config());
        HecClient client = new HecClient(settings, context, settings.useAck() ? UUID.randomUUID().toString() : null);
        List<Chunks.Encoded> encoded = logs.stream()
                .map(log -> new Chunks.Encoded(log, event(settings, log).getBytes(StandardCharsets.UTF_8)))
                .toList();
        BatchOutcome outcome = new BatchOutcome();
        List<Chunks.Encoded> tooLarge = new ArrayList<>();
        List<List<Chunks.Encoded>> chunks = Chunks.split(encoded, settings.maxRequestBytes(), 1, 0, tooLarge);
        for (Chunks.Encoded item : tooLarge) {
            outcome.failed(item.log().id(), "event of " + item.bytes().length + " bytes is larger than the maximum"
                    + " request size " + settings.maxRequestBytes(), false);
        }
        Map<Long, List<MappedLog>> awaitingAck = new LinkedHashMap<>();
        for (List<Chunks.Encoded> chunk : chunks) {
            send(client, chunk, settings.useAck(), outcome, awaitingAck);
        }
        if (!awaitingAck.isEmpty()) {
            new SplunkAcks(client, settings.ackTimeout()).await(awaitingAck, outcome);
        }
        return outcome.result("Splunk HEC " + settings.url());
    }

    private static void send(HecClient client, List<Chunks.Encoded> chunk, boolean useAck, BatchOutcome outcome,
                             Map<Long, List<MappedLog>> awaitingAck) {
        List<MappedLog> logs = Chunks.logs(chunk);
        Http.Reply reply;
        try {
            reply = client.post(EVENT_PATH, body(chunk));
        } catch (IOException e) {
            outcome.failed(logs, "Splunk HEC unreachable: " + Http.describe(e), true, null);
            return;
        }
        HecResponse response = HecResponse.of(reply);
        if (reply.ok() && response.code() == 0) {
            if (useAck && response.ackId() != null) {
                awaitingAck.put(response.ackId(), logs);
            } else {
                outcome.delivered(logs.size());
            }
            return;
        }
        Integer invalid = response.invalidEventNumber();
        if (reply.status() == 400 && response.code() != HecResponse.INCORRECT_INDEX && invalid != null
                && invalid >= 0 && invalid < logs.size()) {
            // HEC indexed the events before the invalid one and dropped the rest
            List<MappedLog> before = logs.subList(0, invalid);
            if (useAck) {
                outcome.failed(before, "Splunk HEC: not acknowledged (a later event of the request was invalid)", true, null);
            } else {
                outcome.delivered(before.size());
            }
            outcome.failed(logs.get(invalid).id(), "Splunk HEC refused the event: " + response.describe(), false);
            outcome.failed(logs.subList(invalid + 1, logs.size()),
                    "Splunk HEC stopped at an invalid event before this one", true, null);
            return;
        }
        outcome.failed(logs, "Splunk HEC answered " + response.describe(), response.retryable(), reply.retryAfter());
    }

    /** One HEC event object: metadata plus the record, as a JSON value for JSON and as a string otherwise. */
    static String event(SplunkSettings settings, MappedLog log) {
        StringBuilder json = new StringBuilder(log.payload().length() + 128).append('{');
        appendField(json, "host", settings.host());
        appendField(json, "source", settings.source());
        appendField(json, "sourcetype", settings.sourcetype());
        appendField(json, "index", settings.index());
        json.append("\"event\":");
        json.append(log.format() == LogFormat.JSON ? log.payload().strip().replace('\n', ' ').replace('\r', ' ')
                : Json.quote(log.payload()));
        return json.append('}').toString();
    }

    private static void appendField(StringBuilder json, String name, String value) {
        if (!value.isEmpty()) {
            json.append('"').append(name).append("\":").append(Json.quote(value)).append(',');
        }
    }

    private static byte[] body(List<Chunks.Encoded> chunk) {
        int size = chunk.stream().mapToInt(e -> e.bytes().length + 1).sum();
        byte[] body = new byte[size];
        int at = 0;
        for (Chunks.Encoded item : chunk) {
            System.arraycopy(item.bytes(), 0, body, at, item.bytes().length);
            at += item.bytes().length;
            body[at++] = '\n';
        }
        return body;
    }
}

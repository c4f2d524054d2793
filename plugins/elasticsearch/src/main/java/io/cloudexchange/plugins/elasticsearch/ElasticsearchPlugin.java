package io.cloudexchange.plugins.elasticsearch;

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
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Log Shipper destination for Elasticsearch and OpenSearch: {@code _bulk} requests of {@code create}
 * actions whose {@code _id} is the record id, so a batch delivered again after a crash is recognised
 * (409 version conflict = already delivered) instead of indexed twice. Per-item results decide which
 * records failed: 429 and 5xx items are retried, other item errors (mapping, parsing) are permanent.
 */
public final class ElasticsearchPlugin implements LogDestinationPlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "elasticsearch",
            "Elasticsearch / OpenSearch",
            "1.0.0",
            "Indexes logs into an Elasticsearch or OpenSearch index or data stream with the _bulk API, once per record.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PUSH));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return ElasticsearchSettings.SCHEMA;
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.JSON, LogFormat.CEF, LogFormat.LEEF);
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        ElasticsearchSettings settings = ElasticsearchSettings.from(context.config());
        ValidationResult problems = settings.problems();
        if (!problems.isValid()) {
            return problems;
        }
        Http.Reply reply;
        try {
            reply = Http.send(context.httpClient(), request(settings, context, "/").GET().build(), context.clock());
        } catch (IOException e) {
            return ValidationResult.fieldError(ElasticsearchSettings.URL, "Cannot reach " + settings.url() + ": "
                    + Http.describe(e));
        }
        String credentials = settings.auth() == ElasticsearchSettings.Auth.API_KEY
                ? ElasticsearchSettings.API_KEY : ElasticsearchSettings.PASSWORD;
        return switch (reply.status()) {
            // 403: the credentials work but may not read cluster info; a writer-only key is enough
            case 200, 403 -> ValidationResult.ok();
            case 401 -> ValidationResult.fieldError(settings.auth() == ElasticsearchSettings.Auth.NONE
                    ? ElasticsearchSettings.AUTH : credentials, "The cluster refused the credentials: " + reply.excerpt());
            default -> ValidationResult.fieldError(ElasticsearchSettings.URL, "Not an Elasticsearch or OpenSearch"
                    + " endpoint: HTTP " + reply.status() + " " + reply.excerpt());
        };
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        if (logs.isEmpty()) {
            return DeliveryResult.delivered("nothing to send");
        }
        ElasticsearchSettings settings = ElasticsearchSettings.from(context.config());
        Instant now = context.clock().instant();
        BatchOutcome outcome = new BatchOutcome();
        List<Chunks.Encoded> encoded = new ArrayList<>(logs.size());
        for (MappedLog log : logs) {
            String document;
            try {
                document = BulkDocuments.document(log, settings.addTimestamp() ? now : null);
            } catch (IllegalArgumentException e) {
                outcome.failed(log.id(), "the record is not a JSON object: " + e.getMessage(), false);
                continue;
            }
            encoded.add(new Chunks.Encoded(log, BulkDocuments.actionAndSource(settings.index(), log.id(), document)));
        }
        List<Chunks.Encoded> tooLarge = new ArrayList<>();
        for (List<Chunks.Encoded> chunk : Chunks.split(encoded, settings.maxRequestBytes(), 0, 0, tooLarge)) {
            bulk(context, settings, chunk, outcome);
        }
        for (Chunks.Encoded item : tooLarge) {
            outcome.failed(item.log().id(), "document of " + item.bytes().length + " bytes is larger than the maximum"
                    + " request size " + settings.maxRequestBytes(), false);
        }
        return outcome.result("Elasticsearch " + settings.index());
    }

    private static void bulk(PluginContext context, ElasticsearchSettings settings, List<Chunks.Encoded> chunk,
                             BatchOutcome outcome) {
        List<MappedLog> logs = Chunks.logs(chunk);
        Http.Reply reply;
        try {
            String path = "/_bulk" + (settings.pipeline().isEmpty() ? ""
                    : "?pipeline=" + URLEncoder.encode(settings.pipeline(), StandardCharsets.UTF_8));
            reply = Http.send(context.httpClient(), request(settings, context, path)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(BulkDocuments.body(chunk))).build(), context.clock());
        } catch (IOException e) {
            outcome.failed(logs, "Elasticsearch unreachable: " + Http.describe(e), true, null);
            return;
        }
        if (reply.status() == 413 && chunk.size() > 1) {
            bulk(context, settings, chunk.subList(0, chunk.size() / 2), outcome);
            bulk(context, settings, chunk.subList(chunk.size() / 2, chunk.size()), outcome);
            return;
        }
        if (!reply.ok()) {
            outcome.failed(logs, "Elasticsearch answered HTTP " + reply.status() + ": " + reply.excerpt(),
                    reply.transientFailure(), reply.retryAfter());
            return;
        }
        BulkItems.apply(reply.body(), logs, outcome);
    }

    private static HttpRequest.Builder request(ElasticsearchSettings settings, PluginContext context, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(java.net.URI.create(settings.url() + path))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("User-Agent", context.userAgent())
                .header("Accept", "application/json");
        String authorization = settings.authorization();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /** Reads the per-item results of a _bulk response, in request order. */
    static final class BulkItems {

        private BulkItems() {
        }

        static void apply(String body, List<MappedLog> logs, BatchOutcome outcome) {
            List<?> items;
            try {
                Map<String, Object> response = Json.object(Json.parse(body));
                if (Boolean.FALSE.equals(response.get("errors"))) {
                    outcome.delivered(logs.size());
                    return;
                }
                items = Json.array(response.get("items"));
            } catch (IllegalArgumentException e) {
                outcome.failed(logs, "unreadable _bulk response: " + e.getMessage(), true, null);
                return;
            }
            if (items.size() != logs.size()) {
                outcome.failed(logs, "the _bulk response has " + items.size() + " items for " + logs.size()
                        + " documents", true, null);
                return;
            }
            for (int i = 0; i < logs.size(); i++) {
                Map<String, Object> item = Json.object(Json.object(items.get(i)).values().stream().findFirst().orElse(null));
                int status = (int) Json.number(item.get("status"), 500);
                if (status < 300 || status == 409) {
                    // 409 on create: a document with this id exists, i.e. an earlier delivery got through
                    outcome.delivered(1);
                } else {
                    Map<String, Object> error = Json.object(item.get("error"));
                    String reason = "HTTP " + status + " " + error.getOrDefault("type", "error") + ": "
                            + error.getOrDefault("reason", "");
                    outcome.failed(logs.get(i).id(), reason, status == 429 || status >= 500);
                }
            }
        }
    }
}

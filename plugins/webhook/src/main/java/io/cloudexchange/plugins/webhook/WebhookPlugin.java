package io.cloudexchange.plugins.webhook;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/**
 * Log Shipper destination that POSTs batches to any HTTP endpoint as NDJSON or a JSON array. A 413
 * answer splits the request in halves until each part fits (a single record that never fits is
 * refused on its own).
 */
public final class WebhookPlugin implements LogDestinationPlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "webhook-logs",
            "HTTP webhook",
            "1.0.0",
            "POSTs logs to an HTTP endpoint as NDJSON or a JSON array, with an optional authentication header and gzip.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PUSH));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return WebhookSettings.SCHEMA;
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.JSON, LogFormat.CEF, LogFormat.LEEF);
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        WebhookSettings settings = WebhookSettings.from(context.config());
        if (settings.urlProblem() != null) {
            return ValidationResult.fieldError(WebhookSettings.URL, settings.urlProblem());
        }
        if (settings.headerNameProblem() != null) {
            return ValidationResult.fieldError(WebhookSettings.AUTH_HEADER_NAME, settings.headerNameProblem());
        }
        Http.Reply reply;
        try {
            reply = post(context, settings, List.of());
        } catch (IOException e) {
            return ValidationResult.fieldError(WebhookSettings.URL, "Cannot reach the webhook: " + Http.describe(e));
        }
        // an empty batch: a receiver that authenticated us but dislikes empty input still answers 400/422
        return switch (reply.status()) {
            case 401, 403 -> ValidationResult.fieldError(WebhookSettings.AUTH_HEADER_VALUE,
                    "The webhook refused the credentials: HTTP " + reply.status() + " " + reply.excerpt());
            case 404, 405 -> ValidationResult.fieldError(WebhookSettings.URL,
                    "Nothing accepts POST requests at this URL: HTTP " + reply.status());
            default -> reply.ok() || reply.status() == 400 || reply.status() == 422 ? ValidationResult.ok()
                    : ValidationResult.fieldError(WebhookSettings.URL, "The webhook answered HTTP " + reply.status()
                    + " " + reply.excerpt());
        };
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        if (logs.isEmpty()) {
            return DeliveryResult.delivered("nothing to send");
        }
        WebhookSettings settings = WebhookSettings.from(context.config());
        List<Chunks.Encoded> encoded = logs.stream()
                .map(log -> new Chunks.Encoded(log, record(log).getBytes(StandardCharsets.UTF_8)))
                .toList();
        BatchOutcome outcome = new BatchOutcome();
        List<Chunks.Encoded> tooLarge = new ArrayList<>();
        for (List<Chunks.Encoded> chunk : Chunks.split(encoded, settings.maxBatchBytes(), 1, 2, tooLarge)) {
            send(context, settings, chunk, outcome);
        }
        for (Chunks.Encoded item : tooLarge) {
            outcome.failed(item.log().id(), "record of " + item.bytes().length + " bytes is larger than the maximum"
                    + " request size " + settings.maxBatchBytes(), false);
        }
        return outcome.result("webhook " + URI.create(settings.url()).getHost());
    }

    private static void send(PluginContext context, WebhookSettings settings, List<Chunks.Encoded> chunk,
                             BatchOutcome outcome) {
        List<MappedLog> logs = Chunks.logs(chunk);
        Http.Reply reply;
        try {
            reply = post(context, settings, chunk);
        } catch (IOException e) {
            outcome.failed(logs, "webhook unreachable: " + Http.describe(e), true, null);
            return;
        }
        if (reply.ok()) {
            outcome.delivered(logs.size());
        } else if (reply.status() == 413 && chunk.size() > 1) {
            send(context, settings, chunk.subList(0, chunk.size() / 2), outcome);
            send(context, settings, chunk.subList(chunk.size() / 2, chunk.size()), outcome);
        } else {
            String reason = "webhook answered HTTP " + reply.status() + (reply.excerpt().isEmpty() ? "" : ": " + reply.excerpt());
            outcome.failed(logs, reason, reply.transientFailure(), reply.retryAfter());
        }
    }

    private static Http.Reply post(PluginContext context, WebhookSettings settings, List<Chunks.Encoded> chunk)
            throws IOException {
        byte[] body = body(settings.bodyFormat(), chunk);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.url()))
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Content-Type", settings.bodyFormat() == WebhookSettings.BodyFormat.NDJSON
                        ? "application/x-ndjson" : "application/json")
                .header("User-Agent", context.userAgent());
        if (!settings.authHeaderValue().isEmpty()) {
            request.header(settings.authHeaderName(), settings.authHeaderValue());
        }
        if (settings.gzip()) {
            body = gzip(body);
            request.header("Content-Encoding", "gzip");
        }
        return Http.send(context.httpClient(), request.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                context.clock());
    }

    /**
     * A JSON record as it is, on one line (a raw line break can only be insignificant white space in
     * valid JSON); CEF and LEEF lines as JSON strings.
     */
    static String record(MappedLog log) {
        return log.format() == LogFormat.JSON ? log.payload().strip().replace('\n', ' ').replace('\r', ' ')
                : Json.quote(log.payload());
    }

    static byte[] body(WebhookSettings.BodyFormat format, List<Chunks.Encoded> chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(chunk.stream().mapToInt(e -> e.bytes().length + 1).sum() + 2);
        boolean array = format == WebhookSettings.BodyFormat.JSON_ARRAY;
        if (array) {
            out.write('[');
        }
        for (int i = 0; i < chunk.size(); i++) {
            if (array && i > 0) {
                out.write(',');
            }
            out.writeBytes(chunk.get(i).bytes());
            if (!array) {
                out.write('\n');
            }
        }
        if (array) {
            out.write(']');
        }
        return out.toByteArray();
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package io.cloudexchange.plugins.azuremonitor;

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
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Log Shipper destination for Azure Monitor (Log Analytics, Microsoft Sentinel) through the Logs
 * Ingestion API: JSON arrays POSTed to a data collection rule's stream, in calls of at most 1 MB, with
 * an Entra client-credentials token ({@link TokenCache}). Answers follow the API's documented codes:
 * 204 delivered; 429 and 503 retried after Retry-After; 500 retried; 401 retried once with a new
 * token; 400, 403 and 404 refused; 413 split in halves.
 */
public final class AzureMonitorPlugin implements LogDestinationPlugin {

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "azure-monitor-logs",
            "Azure Monitor Logs Ingestion (Sentinel)",
            "1.0.0",
            "Sends logs to a Log Analytics workspace (Microsoft Sentinel) through a data collection rule of the"
                    + " Logs Ingestion API.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PUSH));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return AzureMonitorSettings.SCHEMA;
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.JSON);
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        AzureMonitorSettings settings = AzureMonitorSettings.from(context.config());
        ValidationResult problems = settings.problems();
        if (!problems.isValid()) {
            return problems;
        }
        TokenCache.forget(settings);
        String token;
        try {
            token = TokenCache.token(context, settings);
        } catch (TokenCache.TokenException e) {
            return ValidationResult.fieldError(tokenField(e), e.getMessage());
        }
        Http.Reply reply;
        try {
            reply = post(context, settings, token, "[]".getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            return ValidationResult.fieldError(AzureMonitorSettings.ENDPOINT, "Cannot reach the endpoint: "
                    + Http.describe(e));
        }
        // an empty array proves the token, the rule and the role; 400 only says it holds no record
        return switch (reply.status()) {
            case 200, 204, 400 -> ValidationResult.ok();
            case 403 -> ValidationResult.fieldError(AzureMonitorSettings.DCR_IMMUTABLE_ID, "The app may not write to"
                    + " this data collection rule: assign it the 'Monitoring Metrics Publisher' role on the DCR ("
                    + reply.excerpt() + ")");
            case 404 -> ValidationResult.fieldError(AzureMonitorSettings.DCR_IMMUTABLE_ID, "No such data collection"
                    + " rule or stream at this endpoint (" + reply.excerpt() + ")");
            default -> ValidationResult.fieldError(AzureMonitorSettings.ENDPOINT, "The endpoint answered HTTP "
                    + reply.status() + " " + reply.excerpt());
        };
    }

    /** The field an Entra error points at (AADSTS codes of the Microsoft identity platform). */
    private static String tokenField(TokenCache.TokenException e) {
        String message = e.getMessage();
        if (e.status == 0) {
            return AzureMonitorSettings.AUTHORITY_HOST;
        }
        if (message.contains("AADSTS90002") || message.contains("AADSTS900023") || message.contains("tenant")) {
            return AzureMonitorSettings.TENANT_ID;
        }
        if (message.contains("AADSTS700016") || message.contains("AADSTS700038")) {
            return AzureMonitorSettings.CLIENT_ID;
        }
        if (message.contains("AADSTS70011") || message.contains("AADSTS1002012") || e.error.equals("invalid_scope")) {
            return AzureMonitorSettings.SCOPE;
        }
        return AzureMonitorSettings.CLIENT_SECRET;
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        if (logs.isEmpty()) {
            return DeliveryResult.delivered("nothing to send");
        }
        AzureMonitorSettings settings = AzureMonitorSettings.from(context.config());
        BatchOutcome outcome = new BatchOutcome();
        Instant now = context.clock().instant();
        List<Chunks.Encoded> encoded = new ArrayList<>(logs.size());
        for (MappedLog log : logs) {
            try {
                encoded.add(new Chunks.Encoded(log, record(log, settings.addTimeGenerated() ? now : null)
                        .getBytes(StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                outcome.failed(log.id(), "the record is not a JSON object: " + e.getMessage(), false);
            }
        }
        List<Chunks.Encoded> tooLarge = new ArrayList<>();
        List<List<Chunks.Encoded>> chunks = Chunks.split(encoded, settings.maxRequestBytes(), 1, 2, tooLarge);
        for (Chunks.Encoded item : tooLarge) {
            outcome.failed(item.log().id(), "record of " + item.bytes().length + " bytes is larger than the"
                    + " Logs Ingestion API's 1 MB per call", false);
        }
        for (List<Chunks.Encoded> chunk : chunks) {
            send(context, settings, chunk, outcome, true);
        }
        return outcome.result("Azure Monitor stream " + settings.streamName());
    }

    private static void send(PluginContext context, AzureMonitorSettings settings, List<Chunks.Encoded> chunk,
                             BatchOutcome outcome, boolean mayRenewToken) {
        List<MappedLog> logs = Chunks.logs(chunk);
        String token;
        try {
            token = TokenCache.token(context, settings);
        } catch (TokenCache.TokenException e) {
            outcome.failed(logs, e.getMessage(), e.transientFailure(), null);
            return;
        }
        Http.Reply reply;
        try {
            reply = post(context, settings, token, array(chunk));
        } catch (IOException e) {
            outcome.failed(logs, "Azure Monitor unreachable: " + Http.describe(e), true, null);
            return;
        }
        if (reply.ok()) {
            outcome.delivered(logs.size());
        } else if (reply.status() == 401 && mayRenewToken) {
            TokenCache.forget(settings);
            send(context, settings, chunk, outcome, false);
        } else if (reply.status() == 413 && chunk.size() > 1) {
            send(context, settings, chunk.subList(0, chunk.size() / 2), outcome, mayRenewToken);
            send(context, settings, chunk.subList(chunk.size() / 2, chunk.size()), outcome, mayRenewToken);
        } else {
            outcome.failed(logs, "Azure Monitor answered HTTP " + reply.status() + ": " + errorMessage(reply),
                    reply.transientFailure(), reply.retryAfter());
        }
    }

    private static Http.Reply post(PluginContext context, AzureMonitorSettings settings, String token, byte[] body)
            throws IOException {
        HttpRequest request = HttpRequest.newBuilder(settings.ingestionUri())
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("User-Agent", context.userAgent())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return Http.send(context.httpClient(), request, context.clock());
    }

    /** The JSON object of a record, on one line, with TimeGenerated added when asked and missing. */
    static String record(MappedLog log, Instant timeGenerated) {
        String json = log.payload().strip().replace('\n', ' ').replace('\r', ' ');
        if (!(Json.parse(json) instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException("a JSON " + (json.startsWith("[") ? "array" : "value"));
        }
        if (timeGenerated == null || fields.containsKey("TimeGenerated")) {
            return json;
        }
        String rest = json.substring(1).strip();
        return "{\"TimeGenerated\":" + Json.quote(timeGenerated.toString()) + (rest.equals("}") ? "" : ",") + rest;
    }

    private static byte[] array(List<Chunks.Encoded> chunk) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(
                chunk.stream().mapToInt(e -> e.bytes().length + 1).sum() + 2);
        out.write('[');
        for (int i = 0; i < chunk.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(chunk.get(i).bytes());
        }
        out.write(']');
        return out.toByteArray();
    }

    private static String errorMessage(Http.Reply reply) {
        try {
            Map<String, Object> error = Json.object(Json.object(Json.parse(reply.body())).get("error"));
            if (!error.isEmpty()) {
                return error.getOrDefault("code", "") + " " + error.getOrDefault("message", "");
            }
        } catch (IllegalArgumentException | UncheckedIOException e) {
            // not JSON: show the text
        }
        return reply.excerpt();
    }
}

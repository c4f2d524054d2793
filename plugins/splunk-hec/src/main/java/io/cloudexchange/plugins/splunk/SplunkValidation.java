package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Checks a HEC configuration with authenticated no-op calls: an empty POST to the event endpoint
 * (a valid token gets "No data", code 5) and, with acknowledgement, an ack query for id 0 (a token
 * without acknowledgement gets "ACK is disabled", code 14).
 */
final class SplunkValidation {

    private final SplunkSettings settings;
    private final PluginContext context;

    SplunkValidation(SplunkSettings settings, PluginContext context) {
        this.settings = settings;
        this.context = context;
    }

    ValidationResult check() {
        String urlProblem = settings.urlProblem();
        if (urlProblem != null) {
            return ValidationResult.fieldError(SplunkSettings.URL, urlProblem);
        }
        HecClient client = new HecClient(settings, context, settings.useAck() ? UUID.randomUUID().toString() : null);
        try {
            HecResponse event = HecResponse.of(client.post(SplunkHecPlugin.EVENT_PATH, new byte[0]));
            ValidationResult result = eventProblem(event);
            if (!result.isValid() || !settings.useAck()) {
                return result;
            }
            HecResponse ack = HecResponse.of(client.post(SplunkHecPlugin.ACK_PATH,
                    "{\"acks\":[0]}".getBytes(StandardCharsets.UTF_8)));
            if (ack.code() == HecResponse.ACK_DISABLED) {
                return ValidationResult.fieldError(SplunkSettings.USE_ACK,
                        "Indexer acknowledgement is off for this token: turn it on in Splunk or here");
            }
            return ack.status() == 200 ? ValidationResult.ok()
                    : ValidationResult.fieldError(SplunkSettings.USE_ACK, "The ack endpoint answered " + ack.describe());
        } catch (IOException e) {
            return ValidationResult.fieldError(SplunkSettings.URL, "Cannot reach " + settings.url() + ": "
                    + Http.describe(e));
        }
    }

    private static ValidationResult eventProblem(HecResponse response) {
        if (response.code() == HecResponse.NO_DATA || (response.status() == 200 && response.code() == 0)) {
            return ValidationResult.ok();
        }
        return switch (response.status()) {
            case 401, 403 -> ValidationResult.fieldError(SplunkSettings.TOKEN, "Splunk refused the token: "
                    + response.describe());
            case 404 -> ValidationResult.fieldError(SplunkSettings.URL, "No HTTP Event Collector at this URL ("
                    + response.describe() + ")");
            default -> ValidationResult.fieldError(SplunkSettings.URL, "Unexpected answer: " + response.describe());
        };
    }
}

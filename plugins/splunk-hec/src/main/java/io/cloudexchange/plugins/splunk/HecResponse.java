package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.json.Json;
import java.util.Map;

/**
 * A HEC answer: {@code {"text":"...","code":N[,"ackId":N][,"invalid-event-number":N]}}. Codes from
 * Splunk's "Troubleshoot HTTP Event Collector" table: 0 success; 1-4 token problems (401/403);
 * 5-7 and 10-16 bad requests (400); 8 internal error (500); 9 and 18-20 busy or unhealthy (503).
 */
record HecResponse(int status, int code, String text, Long ackId, Integer invalidEventNumber) {

    static final int NO_DATA = 5;
    static final int INCORRECT_INDEX = 7;
    static final int ACK_DISABLED = 14;

    static HecResponse of(Http.Reply reply) {
        Map<String, Object> body;
        try {
            body = Json.object(Json.parse(reply.body() == null ? "" : reply.body()));
        } catch (IllegalArgumentException e) {
            body = Map.of();
        }
        Object ack = body.get("ackId");
        Object invalid = body.get("invalid-event-number");
        return new HecResponse(reply.status(), (int) Json.number(body.get("code"), -1),
                body.get("text") instanceof String s ? s : reply.excerpt(),
                ack instanceof Number n ? n.longValue() : null,
                invalid instanceof Number n ? n.intValue() : null);
    }

    /** Busy, unhealthy, internal errors and throttling pass; bad data, tokens and URLs do not. */
    boolean retryable() {
        return status == 429 || status >= 500 || code == 8 || code == 9 || (code >= 18 && code <= 20);
    }

    String describe() {
        return "HTTP " + status + (code >= 0 ? ", code " + code : "") + ": " + text
                + (invalidEventNumber != null ? " (event " + invalidEventNumber + " of the request)" : "");
    }
}

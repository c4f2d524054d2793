package io.cloudexchange.plugins.splunk;

import io.cloudexchange.plugin.api.cls.BatchOutcome;
import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.cls.MappedLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Indexer acknowledgement: polls {@code /services/collector/ack} on the request channel with the
 * ackIds HEC returned until each is true or the timeout passes. Unconfirmed records are reported as
 * retryable, so the core sends them again (at least once: Splunk may then hold two copies).
 */
final class SplunkAcks {

    private static final Duration FIRST_POLL = Duration.ofMillis(200);
    private static final Duration MAX_POLL = Duration.ofSeconds(5);

    private final HecClient client;
    private final Duration timeout;

    SplunkAcks(HecClient client, Duration timeout) {
        this.client = client;
        this.timeout = timeout;
    }

    void await(Map<Long, List<MappedLog>> pending, BatchOutcome outcome) {
        Instant deadline = Instant.now().plus(timeout);
        Duration pause = FIRST_POLL;
        String lastProblem = "no answer yet";
        while (!pending.isEmpty() && Instant.now().isBefore(deadline)) {
            sleep(pause, deadline);
            pause = pause.multipliedBy(2).compareTo(MAX_POLL) > 0 ? MAX_POLL : pause.multipliedBy(2);
            String body = "{\"acks\":[" + pending.keySet().stream().map(String::valueOf).collect(Collectors.joining(","))
                    + "]}";
            try {
                Http.Reply reply = client.post(SplunkHecPlugin.ACK_PATH, body.getBytes(StandardCharsets.UTF_8));
                if (!reply.ok()) {
                    lastProblem = HecResponse.of(reply).describe();
                    continue;
                }
                Map<String, Object> acks = Json.object(Json.object(Json.parse(reply.body())).get("acks"));
                for (Iterator<Map.Entry<Long, List<MappedLog>>> it = pending.entrySet().iterator(); it.hasNext(); ) {
                    Map.Entry<Long, List<MappedLog>> entry = it.next();
                    if (Boolean.TRUE.equals(acks.get(String.valueOf(entry.getKey())))) {
                        outcome.delivered(entry.getValue().size());
                        it.remove();
                    }
                }
                lastProblem = "not yet indexed";
            } catch (IOException e) {
                lastProblem = Http.describe(e);
            } catch (IllegalArgumentException e) {
                lastProblem = "unreadable ack answer: " + e.getMessage();
            }
        }
        for (Map.Entry<Long, List<MappedLog>> entry : pending.entrySet()) {
            outcome.failed(entry.getValue(), "Splunk did not acknowledge ackId " + entry.getKey() + " within "
                    + timeout.toSeconds() + " s (" + lastProblem + "); sending again", true, null);
        }
    }

    private static void sleep(Duration pause, Instant deadline) {
        long millis = Math.min(pause.toMillis(), Math.max(0, Duration.between(Instant.now(), deadline).toMillis()));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

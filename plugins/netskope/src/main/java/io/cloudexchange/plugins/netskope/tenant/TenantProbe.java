package io.cloudexchange.plugins.netskope.tenant;

import io.cloudexchange.plugins.netskope.dataexport.DataExportType;
import io.cloudexchange.plugins.netskope.tenant.ProbeResult.Outcome;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a token may read each chosen type, as Netskope's own validation does: a dataexport
 * call with a future epoch on a probe index ({@code <base>_<alerts|events>_<type>_validate_token}),
 * which reads nothing. One request per type, repeated only after a 429 (waiting its {@code Retry-After},
 * at most {@link #MAX_RATE_LIMIT_WAIT}); stops at the first 401 or unreachable answer, since every
 * other type would say the same.
 */
public final class TenantProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(15);
    static final Duration MAX_RATE_LIMIT_WAIT = Duration.ofSeconds(5);
    private static final int RATE_LIMIT_ATTEMPTS = 4;

    private final HttpClient client;
    private final String userAgent;
    private final Clock clock;

    public TenantProbe(HttpClient client, String userAgent, Clock clock) {
        this.client = client;
        this.userAgent = userAgent;
        this.clock = clock;
    }

    /** One result per type, in order; after a token or connection failure the remaining types share it. */
    public List<ProbeResult> probe(TenantUrl tenant, String token, List<DataExportType> types, String indexBase) {
        List<ProbeResult> results = new ArrayList<>();
        ProbeResult blocking = null;
        for (DataExportType type : types) {
            ProbeResult result = blocking != null
                    ? new ProbeResult(type, blocking.outcome(), blocking.detail())
                    : probe(tenant, token, type, indexBase);
            if (result.outcome() == Outcome.TOKEN_INVALID || result.outcome() == Outcome.UNREACHABLE) {
                blocking = result;
            }
            results.add(result);
        }
        return results;
    }

    private ProbeResult probe(TenantUrl tenant, String token, DataExportType type, String indexBase) {
        long future = clock.instant().plus(Duration.ofDays(1)).getEpochSecond();
        String index = indexBase + "_" + type.familySegment() + "_" + type.name() + "_validate_token";
        HttpRequest request = HttpRequest.newBuilder(tenant.resolve(type.path() + "?index=" + index
                        + "&operation=" + future))
                .timeout(TIMEOUT)
                .header("Netskope-Api-Token", token)
                .header("User-Agent", userAgent)
                .GET()
                .build();
        try {
            int status = send(request);
            return switch (status) {
                case 200, 409 -> new ProbeResult(type, Outcome.OK, "allowed");
                case 401 -> new ProbeResult(type, Outcome.TOKEN_INVALID,
                        "The token was refused (HTTP 401): it is wrong, expired or revoked");
                case 403 -> new ProbeResult(type, Outcome.MISSING_SCOPES,
                        "The token lacks the scope " + type.path() + " (HTTP 403)");
                case 429 -> new ProbeResult(type, Outcome.UNREACHABLE, tenant + " kept answering HTTP 429 (rate limit)"
                        + " for " + type.path() + "; try again in a minute");
                default -> new ProbeResult(type, Outcome.UNREACHABLE, tenant + " answered HTTP " + status
                        + " for " + type.path() + (status == 404 ? "; is this a Netskope tenant URL?" : ""));
            };
        } catch (IOException e) {
            return new ProbeResult(type, Outcome.UNREACHABLE, "Cannot reach " + tenant + ": "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ProbeResult(type, Outcome.UNREACHABLE, "Interrupted while probing " + tenant);
        }
    }

    /** The status of the request, sent again after each 429 while the tenant asks for a short wait. */
    private int send(HttpRequest request) throws IOException, InterruptedException {
        int status = 0;
        for (int attempt = 1; attempt <= RATE_LIMIT_ATTEMPTS; attempt++) {
            HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status != 429) {
                return status;
            }
            Duration wait = retryAfter(response);
            if (wait.compareTo(MAX_RATE_LIMIT_WAIT) > 0 || attempt == RATE_LIMIT_ATTEMPTS) {
                return status;
            }
            Thread.sleep(wait.toMillis());
        }
        return status;
    }

    private static Duration retryAfter(HttpResponse<Void> response) {
        try {
            return Duration.ofSeconds(Math.max(1, response.headers().firstValueAsLong("Retry-After").orElse(1)));
        } catch (NumberFormatException e) {
            return MAX_RATE_LIMIT_WAIT.plusSeconds(1);
        }
    }
}

package io.cloudexchange.plugins.azuremonitor;

import io.cloudexchange.plugin.api.http.Http;
import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.PluginContext;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Microsoft Entra access tokens (OAuth2 client credentials), kept in memory until shortly before they
 * expire. The cache is keyed by everything that identifies the token (authority, tenant, client, a hash
 * of the secret, scope), so a changed secret gets a new token at once; it is only an optimisation:
 * the plugin still behaves the same without it. Tokens are never written to plugin storage.
 */
final class TokenCache {

    /** Renew this long before expiry, so a token never expires in flight. */
    static final Duration EARLY_RENEWAL = Duration.ofMinutes(5);

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    record Token(String value, Instant expiresAt) {
    }

    /** Why no token could be had: the HTTP status (0 for a network error) and Entra's error text. */
    static final class TokenException extends Exception {
        final int status;
        final String error;

        TokenException(int status, String error, String message) {
            super(message);
            this.status = status;
            this.error = error;
        }

        /** Network errors, throttling and Entra outages pass; refused credentials do not. */
        boolean transientFailure() {
            return status == 0 || status == 429 || status >= 500;
        }
    }

    private TokenCache() {
    }

    static String token(PluginContext context, AzureMonitorSettings settings) throws TokenException {
        String key = key(settings);
        Instant now = context.clock().instant();
        Token cached = TOKENS.get(key);
        if (cached != null && now.isBefore(cached.expiresAt().minus(EARLY_RENEWAL))) {
            return cached.value();
        }
        Token fresh = request(context, settings, now);
        TOKENS.values().removeIf(token -> !now.isBefore(token.expiresAt()));
        TOKENS.put(key, fresh);
        return fresh.value();
    }

    static void forget(AzureMonitorSettings settings) {
        TOKENS.remove(key(settings));
    }

    private static Token request(PluginContext context, AzureMonitorSettings settings, Instant now)
            throws TokenException {
        String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                + encode(settings.clientSecret()) + "&scope=" + encode(settings.scope());
        HttpRequest request = HttpRequest.newBuilder(settings.tokenUri())
                .timeout(Http.REQUEST_TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", context.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        Http.Reply reply;
        try {
            reply = Http.send(context.httpClient(), request, context.clock());
        } catch (IOException e) {
            throw new TokenException(0, "", "cannot reach " + settings.authorityHost() + ": " + Http.describe(e));
        }
        Map<String, Object> body;
        try {
            body = Json.object(Json.parse(reply.body()));
        } catch (IllegalArgumentException e) {
            body = Map.of();
        }
        if (!reply.ok() || !(body.get("access_token") instanceof String value)) {
            String error = String.valueOf(body.getOrDefault("error", ""));
            String description = String.valueOf(body.getOrDefault("error_description", reply.excerpt()));
            throw new TokenException(reply.status(), error, "Microsoft Entra refused the token request (HTTP "
                    + reply.status() + (error.isEmpty() ? "" : ", " + error) + "): " + firstLine(description));
        }
        return new Token(value, now.plusSeconds(Json.number(body.get("expires_in"), 3600)));
    }

    private static String firstLine(String text) {
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String key(AzureMonitorSettings settings) {
        try {
            byte[] secretHash = MessageDigest.getInstance("SHA-256")
                    .digest(settings.clientSecret().getBytes(StandardCharsets.UTF_8));
            return settings.authorityHost() + "|" + settings.tenantId() + "|" + settings.clientId() + "|"
                    + settings.scope() + "|" + HexFormat.of().formatHex(secretHash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}

package io.cloudexchange.netskope.simulator.http;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The v2 tokens the tenant knows, their scopes, and which have expired. Thread-safe. */
public final class TokenRegistry {

    /** How a token relates to a request. */
    public enum Verdict { ALLOWED, UNKNOWN_OR_EXPIRED, MISSING_SCOPE }

    private final Map<String, Set<String>> scopes = new ConcurrentHashMap<>();
    private final Set<String> expired = ConcurrentHashMap.newKeySet();

    public TokenRegistry(Map<String, Set<String>> initial) {
        scopes.putAll(initial);
    }

    /** Adds (or replaces) a token; an empty scope set allows every endpoint. */
    public void add(String token, Set<String> tokenScopes) {
        scopes.put(token, Set.copyOf(tokenScopes));
        expired.remove(token);
    }

    /** From now on the token gets 401, as after its expiry date or revocation. */
    public void expire(String token) {
        expired.add(token);
    }

    Verdict check(String token, String scope) {
        Set<String> allowed = token == null ? null : scopes.get(token);
        if (allowed == null || expired.contains(token)) {
            return Verdict.UNKNOWN_OR_EXPIRED;
        }
        if (allowed.isEmpty() || allowed.stream().anyMatch(scope::startsWith)) {
            return Verdict.ALLOWED;
        }
        return Verdict.MISSING_SCOPE;
    }
}

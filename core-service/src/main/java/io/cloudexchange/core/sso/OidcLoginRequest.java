package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/** The authorization code the browser brought back, with the PKCE verifier and nonce from the gateway's session. */
record OidcLoginRequest(String code, String codeVerifier, String redirectUri, String state, String nonce) {

    void requireComplete() {
        Map<String, String> problems = new LinkedHashMap<>();
        required(problems, "code", code);
        required(problems, "codeVerifier", codeVerifier);
        required(problems, "redirectUri", redirectUri);
        required(problems, "state", state);
        required(problems, "nonce", nonce);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
    }

    static void required(Map<String, String> problems, String field, String value) {
        if (value == null || value.isBlank()) {
            problems.put(field, "is required");
        }
    }
}

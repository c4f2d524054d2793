package io.cloudexchange.core.sso;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the gateway generated for one sign-in: state and nonce kept in its session, the PKCE challenge. */
record OidcStartRequest(String redirectUri, String state, String nonce, String codeChallenge) {

    void requireComplete() {
        Map<String, String> problems = new LinkedHashMap<>();
        OidcLoginRequest.required(problems, "redirectUri", redirectUri);
        OidcLoginRequest.required(problems, "state", state);
        OidcLoginRequest.required(problems, "nonce", nonce);
        OidcLoginRequest.required(problems, "codeChallenge", codeChallenge);
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
    }
}

package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.api.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the IdP posted to the gateway's ACS: the base64 SAMLResponse and the RelayState, checked there against its cookie. */
record SamlLoginRequest(String samlResponse, String relayState) {

    /** Far above any real Response (a few KB), small enough that parsing stays cheap. */
    static final int MAX_LENGTH = 256 * 1024;

    void requireComplete() {
        Map<String, String> problems = new LinkedHashMap<>();
        if (samlResponse == null || samlResponse.isBlank()) {
            problems.put("samlResponse", "is required");
        } else if (samlResponse.length() > MAX_LENGTH) {
            problems.put("samlResponse", "is longer than " + MAX_LENGTH + " characters");
        }
        if (relayState == null || relayState.isBlank()) {
            problems.put("relayState", "is required");
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems, null);
        }
    }
}

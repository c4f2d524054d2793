package io.cloudexchange.core.sso.saml;

import io.cloudexchange.core.api.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The RelayState the gateway generated for one sign-in and keeps in the browser's flow cookie. */
record SamlStartRequest(String relayState) {

    void requireValid() {
        if (relayState == null || relayState.isBlank()) {
            throw new InvalidRequestException(Map.of("relayState", "is required"), null);
        }
        if (relayState.getBytes(StandardCharsets.UTF_8).length > 80) {
            throw new InvalidRequestException(Map.of("relayState", "must not exceed 80 bytes (SAML bindings 3.4.3)"), null);
        }
    }
}

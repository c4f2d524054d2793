package io.cloudexchange.gateway.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** {@code GET /api/settings/proxy}: the password itself is never sent back. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProxySettings(String url, String username, boolean passwordSet) {
}

package io.cloudexchange.gateway.shell;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Answer of {@code GET /api/me}. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Me(String username, List<String> roles) {
}

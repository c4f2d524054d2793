package io.cloudexchange.core.auth;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** {@code POST /api/auth} as JSON; the form variant carries the same keys. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ClientCredentialsRequest(@JsonProperty("grant_type") String grantType,
                                       @JsonProperty("client_id") String clientId,
                                       @JsonProperty("client_secret") String clientSecret) {
}

package io.cloudexchange.gateway.core;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An {@code application/problem+json} answer of core-service; {@code errors} is keyed by field. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CoreProblem(String title, int status, String detail, Map<String, String> errors) {

    public CoreProblem {
        errors = errors == null ? Map.of() : Map.copyOf(errors);
    }
}

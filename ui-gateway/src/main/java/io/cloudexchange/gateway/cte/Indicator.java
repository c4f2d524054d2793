package io.cloudexchange.gateway.cte;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record Indicator(String type, String value, String severity, Integer reputation, List<String> sources,
        String firstSeen, String lastSeen) {
}

package io.cloudexchange.gateway.logging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

@JsonIgnoreProperties(ignoreUnknown = true)
public record LogEntry(String id, String createdAt, String level, String source, String errorCode, String message,
        String details) {
}

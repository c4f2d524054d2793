package io.cloudexchange.gateway.cls;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import tools.jackson.databind.JsonNode;

/** A Log Shipper mapping file as core-service answers it; {@code content} only when one file was asked for. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MappingFile(String id, String name, boolean readOnly, List<String> formats, String updatedAt,
        JsonNode content) {

    public MappingFile {
        formats = formats == null ? List.of() : List.copyOf(formats);
    }
}

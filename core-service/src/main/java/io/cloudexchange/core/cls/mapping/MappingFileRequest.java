package io.cloudexchange.core.cls.mapping;

import tools.jackson.databind.JsonNode;

/**
 * Body of create and update.
 *
 * @param name unique, 1-100 characters
 * @param content the mapping file: a JSON object, or its text as a string (what an editor holds)
 */
public record MappingFileRequest(String name, JsonNode content) {
}

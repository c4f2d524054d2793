package io.cloudexchange.core.cls.mapping;

/**
 * One {@code header} or {@code extension} entry of a mapping file.
 *
 * @param target the name in the output, e.g. {@code src} or {@code Device Vendor}
 * @param mappingField the record field (or dotted path into nested objects) to read, or null for a constant
 * @param defaultValue sent when the field is missing, empty or fails its transformation; null drops the key
 * @param transformation how the value is converted
 */
public record FieldMapping(String target, String mappingField, String defaultValue, Transformation transformation) {
}

package io.cloudexchange.plugin.api.cto;

/** A field of the target a value can be mapped to; {@code updatable} when it can change after creation. */
public record MappingField(String label, String value, boolean updatable) {
}

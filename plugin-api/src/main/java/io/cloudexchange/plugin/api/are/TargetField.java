package io.cloudexchange.plugin.api.are;

/** A field of the target's application records that application attributes can be mapped to. */
public record TargetField(String label, String value, String type) {
}

package io.cloudexchange.plugin.api.cto;

/** A queue, project or channel tickets can be created in. */
public record Queue(String label, String value) {
}

package io.cloudexchange.core.cls.mapping;

/** Body of copy: the new file's name (optional; "Copy of ..." when missing). */
public record CopyRequest(String name) {
}

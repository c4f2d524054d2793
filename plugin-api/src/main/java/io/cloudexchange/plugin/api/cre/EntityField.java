package io.cloudexchange.plugin.api.cre;

import java.util.Objects;

public record EntityField(String name, EntityFieldType type, boolean required, String description) {

    public EntityField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }
}

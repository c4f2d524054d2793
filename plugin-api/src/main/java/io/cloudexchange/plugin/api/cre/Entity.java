package io.cloudexchange.plugin.api.cre;

import java.util.List;
import java.util.Objects;

/** A kind of record a risk plugin knows (users, devices, applications), with its fields. */
public record Entity(String name, List<EntityField> fields) {

    public Entity {
        Objects.requireNonNull(name, "name");
        fields = List.copyOf(fields);
    }
}

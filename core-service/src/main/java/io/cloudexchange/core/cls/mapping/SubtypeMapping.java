package io.cloudexchange.core.cls.mapping;

import java.util.List;

/** The {@code header} and {@code extension} entries of one alert or event subtype, in file order. */
public record SubtypeMapping(List<FieldMapping> header, List<FieldMapping> extension) {

    public SubtypeMapping {
        header = List.copyOf(header);
        extension = List.copyOf(extension);
    }
}

package io.cloudexchange.core.cls.mapping;

/**
 * Told about each value a mapper could not use as it is (it then sent the entry's default_value or
 * left the key out); the record itself was mapped.
 */
@FunctionalInterface
public interface FieldProblems {

    FieldProblems IGNORE = (target, problem) -> { };

    /**
     * @param target the output key, e.g. {@code src}
     * @param problem what was wrong and what was sent instead
     */
    void report(String target, String problem);
}

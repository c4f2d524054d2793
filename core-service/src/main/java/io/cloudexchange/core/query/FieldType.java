package io.cloudexchange.core.query;

import java.util.EnumSet;
import java.util.Set;

/** The type of a query field, which decides how a literal is read and which operators apply by default. */
public enum FieldType {
    STRING(EnumSet.allOf(Operator.class)),
    NUMBER(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE, Operator.IN,
            Operator.NOT_IN)),
    BOOLEAN(EnumSet.of(Operator.EQ, Operator.NE)),
    /** Stored as a BSON date; written in a query as an ISO-8601 string or {@code now - 7d}. */
    DATETIME(EnumSet.of(Operator.EQ, Operator.NE, Operator.LT, Operator.LE, Operator.GT, Operator.GE)),
    /** Whatever the literal is: for open catalogs whose fields are not known in advance (log records). */
    ANY(EnumSet.allOf(Operator.class));

    private final Set<Operator> defaultOperators;

    FieldType(Set<Operator> defaultOperators) {
        this.defaultOperators = defaultOperators;
    }

    Set<Operator> defaultOperators() {
        return EnumSet.copyOf(defaultOperators);
    }
}

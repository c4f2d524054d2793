package io.cloudexchange.core.query;

import java.util.EnumSet;
import java.util.Set;

/** The comparison operators of the query language, with their spelling in a query. */
public enum Operator {
    EQ("=="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), CONTAINS("contains"), REGEX("regex"),
    IN("IN"), NOT_IN("NOT IN");

    /** Operators that compare by order. */
    public static final Set<Operator> ORDERING = EnumSet.of(LT, LE, GT, GE);

    private final String symbol;

    Operator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the operator takes a parenthesised list of values. */
    public boolean takesList() {
        return this == IN || this == NOT_IN;
    }
}

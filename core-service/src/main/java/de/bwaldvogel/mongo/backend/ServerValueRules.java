package de.bwaldvogel.mongo.backend;

/**
 * The embedded server's own value rules, which it keeps package-private, for {@code io.cloudexchange.core.embedded}'s
 * update fast path: it must decide "equal" and "changed" exactly as the server's general update code does.
 */
public final class ServerValueRules {

    private ServerValueRules() {
    }

    /** Equal as the server compares values ({@code 1} equals {@code 1.0}; null equals missing). */
    public static boolean equal(Object one, Object other) {
        return Utils.nullAwareEquals(one, other);
    }

    /** The order of two values' BSON types, as {@code $min} and {@code $max} compare them first. */
    public static int compareTypes(Object one, Object other) {
        return ValueComparator.compareTypes(one, other);
    }
}

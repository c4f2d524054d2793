package io.cloudexchange.core.users;

/** Access to one {@link Area}: WRITE includes READ. */
public enum Permission {
    NONE, READ, WRITE;

    public boolean includes(Permission needed) {
        return compareTo(needed) >= 0;
    }

    public static Permission strongest(Permission a, Permission b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}

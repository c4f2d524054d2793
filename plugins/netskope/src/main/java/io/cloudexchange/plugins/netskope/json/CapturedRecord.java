package io.cloudexchange.plugins.netskope.json;

import java.util.LinkedHashMap;

/**
 * A record of an array of records: its JSON text ({@link #json()}) and a map of the fields asked for
 * (all of them when none were named). Ids are strings in both: integers of the id fields, and integers
 * too large for a double anywhere, are quoted in the text as they are strings in the map. The text means
 * exactly what {@link JsonReader#parseRecord} reads from it, unless an id field holds a fraction ({@link #exact()}).
 */
public final class CapturedRecord extends LinkedHashMap<String, Object> {
    private byte[] json;
    private boolean exact;

    CapturedRecord(int capacity) {
        super(capacity);
    }

    void complete(byte[] text, boolean exactText) {
        this.json = text;
        this.exact = exactText;
    }

    /** The record's text in UTF-8. */
    public byte[] json() {
        return json;
    }

    /** Whether the text means what its map holds, ids as strings (false: an id field holds a fraction). */
    public boolean exact() {
        return exact;
    }
}

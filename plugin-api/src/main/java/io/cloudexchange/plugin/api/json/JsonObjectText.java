package io.cloudexchange.plugin.api.json;

import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * A JSON object kept as its text, read as an unmodifiable map. A source that reads records as JSON can hand
 * a record's own text on (as an alert's or event's {@code raw}) instead of a map: the platform then writes
 * the text into its batches as it is, instead of writing the map's JSON again. The text must mean exactly
 * the map {@code parser} makes of it (the same fields and values); the map is made only if the record is read
 * in the platform's process, and once.
 */
public final class JsonObjectText extends AbstractMap<String, Object> {

    private final byte[] utf8;
    private final Function<byte[], Map<String, Object>> parser;
    private volatile Map<String, Object> parsed;

    private JsonObjectText(byte[] utf8, Function<byte[], Map<String, Object>> parser) {
        this.utf8 = Objects.requireNonNull(utf8, "utf8");
        this.parser = Objects.requireNonNull(parser, "parser");
    }

    /**
     * @param utf8 the text of one JSON object in UTF-8, handed over: nothing may change it afterwards
     * @param parser makes the object's map from the text, as the source would have read it
     */
    public static JsonObjectText of(byte[] utf8, Function<byte[], Map<String, Object>> parser) {
        return new JsonObjectText(utf8, parser);
    }

    /** The object's JSON text. */
    public String json() {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** The object's JSON text in UTF-8: the array itself, not a copy, which nothing may change. */
    public byte[] utf8() {
        return utf8;
    }

    private Map<String, Object> map() {
        Map<String, Object> map = parsed;
        if (map == null) {
            map = Collections.unmodifiableMap(parser.apply(utf8));
            parsed = map;
        }
        return map;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return map().entrySet();
    }

    @Override
    public Object get(Object key) {
        return map().get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return map().containsKey(key);
    }

    @Override
    public int size() {
        return map().size();
    }
}

package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.backend.NumericUtils;
import de.bwaldvogel.mongo.backend.ServerValueRules;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An update made only of {@code $set}, {@code $setOnInsert}, {@code $unset}, {@code $inc}, {@code $min},
 * {@code $max} and {@code $addToSet} on plain field paths (no array position, no {@code $}, no {@code _id}), applied
 * the way the embedded server applies it, without its general update code: that code compiles regular expressions
 * for every path it walks and copies the whole document twice, which was most of the time the server took to store
 * a batch of indicators (about 25 such changes per indicator).
 * <p>
 * The document given is never changed: the result is a copy in which only the sub-documents on changed paths are
 * copied. Where the general code would walk an array, meet a value where it expects a document, or refuse the update
 * (a conflict, a wrong type), {@link #of} or {@link #applyTo} answer {@code null} and the caller leaves the update to
 * the server, which then decides exactly as before.
 */
final class PlainUpdate {

    private enum Operator {
        SET("$set"), SET_ON_INSERT("$setOnInsert"), UNSET("$unset"), INC("$inc"), MIN("$min"), MAX("$max"),
        ADD_TO_SET("$addToSet");

        private final String name;

        Operator(String name) {
            this.name = name;
        }

        static Operator named(String name) {
            for (Operator operator : values()) {
                if (operator.name.equals(name)) {
                    return operator;
                }
            }
            return null;
        }
    }

    private record Change(Operator operator, String[] path, Object value) {
    }

    /** A field path, split, with the paths that hold it ({@code a} and {@code a.b} for {@code a.b.c}). */
    private record Path(String[] fields, String[] parents) {
    }

    /** Paths parsed before, or the marker for a path the fast path does not take; bounded. */
    private static final Map<String, Path> PATHS = new ConcurrentHashMap<>();
    private static final Path NOT_PLAIN = new Path(new String[0], new String[0]);
    private static final int MAX_PATHS = 10_000;

    private static final String EACH = "$each";

    private final List<Change> changes;

    private PlainUpdate(List<Change> changes) {
        this.changes = changes;
    }

    /** The update as plain changes, or {@code null} when it needs the server's general update code. */
    static PlainUpdate of(Document update, String idField) {
        if (update.isEmpty()) {
            return null;
        }
        List<Change> changes = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        Set<String> parents = new HashSet<>();
        for (Map.Entry<String, Object> byOperator : update.entrySet()) {
            Operator operator = Operator.named(byOperator.getKey());
            if (operator == null || !(byOperator.getValue() instanceof Document fields)) {
                return null;
            }
            for (Map.Entry<String, Object> field : fields.entrySet()) {
                Path path = path(field.getKey());
                if (path == NOT_PLAIN || path.fields()[0].equals(idField)
                        || !claim(field.getKey(), path, paths, parents)) {
                    return null;
                }
                Object value = operator == Operator.ADD_TO_SET ? valuesToAdd(field.getValue()) : field.getValue();
                if (value == null && operator == Operator.ADD_TO_SET
                        || operator == Operator.INC && !(value instanceof Number)) {
                    return null;
                }
                changes.add(new Change(operator, path.fields(), value));
            }
        }
        return new PlainUpdate(changes);
    }

    /**
     * The document after this update, or {@code null} when the general update code must decide (a path through an
     * array or a value, a number to increment that is none, a set to add to that is no array).
     *
     * @param inserting whether the document is being inserted by an upsert (only then {@code $setOnInsert} applies)
     */
    Document applyTo(Document document, boolean inserting) {
        Document result = new Document(document);
        Set<Document> copies = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Change change : changes) {
            if (change.operator() == Operator.SET_ON_INSERT && !inserting) {
                continue;
            }
            Document parent = parentOf(result, change, copies);
            if (parent == null) {
                return null;
            }
            if (parent != NO_PARENT && !apply(change, parent, change.path()[change.path().length - 1])) {
                return null;
            }
        }
        return result;
    }

    /** For {@code $unset} of a path whose parent does not exist: nothing to do. */
    private static final Document NO_PARENT = new Document();

    /**
     * The document that holds the change's last field, copied from the original (once) where it is changed, created
     * where it is missing; {@code null} if the path runs through something other than a document.
     */
    private static Document parentOf(Document result, Change change, Set<Document> copies) {
        Document parent = result;
        String[] path = change.path();
        for (int i = 0; i < path.length - 1; i++) {
            Object child = parent.get(path[i]);
            if (child instanceof Document existing) {
                Document copy = existing;
                if (!copies.contains(existing)) {
                    copy = new Document(existing);
                    copies.add(copy);
                    parent.put(path[i], copy);
                }
                parent = copy;
            } else if (child == null && !parent.containsKey(path[i])) {
                if (change.operator() == Operator.UNSET) {
                    return NO_PARENT;
                }
                Document created = new Document();
                copies.add(created);
                parent.put(path[i], created);
                parent = created;
            } else {
                return null;
            }
        }
        return parent;
    }

    private static boolean apply(Change change, Document parent, String field) {
        boolean present = parent.containsKey(field);
        Object old = parent.get(field);
        Object value = change.value();
        switch (change.operator()) {
            case SET, SET_ON_INSERT -> {
                if (!present || !ServerValueRules.equal(value, old)) {
                    parent.put(field, value);
                }
            }
            case UNSET -> parent.remove(field);
            case INC -> {
                if (old != null && !(old instanceof Number)) {
                    return false;
                }
                parent.put(field, NumericUtils.addNumbers(old == null ? Integer.valueOf(0) : (Number) old, (Number) value));
            }
            case MIN, MAX -> {
                if (!present || replaces(change.operator(), value, old)) {
                    parent.put(field, value);
                }
            }
            case ADD_TO_SET -> {
                if (old != null && !(old instanceof List<?>)) {
                    return false;
                }
                List<Object> set = old == null ? new ArrayList<>() : new ArrayList<>((List<?>) old);
                for (Object element : (List<?>) value) {
                    if (!set.contains(element)) {
                        set.add(element);
                    }
                }
                parent.put(field, set);
            }
        }
        return true;
    }

    /** As the server: a value of a lower (for {@code $min}) or higher type wins, else the lower or higher value. */
    private static boolean replaces(Operator operator, Object value, Object old) {
        int types = ServerValueRules.compareTypes(value, old);
        if (types != 0) {
            return operator == Operator.MAX ? types > 0 : types < 0;
        }
        ValueComparator order = operator == Operator.MIN ? ValueComparator.asc() : ValueComparator.desc();
        return order.compare(value, old) < 0;
    }

    /** The values of {@code $addToSet}: one value, or those of {@code {$each: [...]}}; {@code null} if malformed. */
    private static List<?> valuesToAdd(Object value) {
        if (!(value instanceof Document document) || !document.containsKey(EACH)) {
            return value instanceof Document document && document.isEmpty() ? null : Collections.singletonList(value);
        }
        if (document.size() != 1 || !document.keySet().iterator().next().equals(EACH)
                || !(document.get(EACH) instanceof Collection<?> each)) {
            return null;
        }
        return new ArrayList<>(each);
    }

    /** Indicator updates name the same paths again and again: each is split and checked once. */
    private static Path path(String key) {
        Path path = PATHS.get(key);
        if (path == null) {
            path = parse(key);
            if (PATHS.size() >= MAX_PATHS) {
                PATHS.clear();
            }
            PATHS.put(key, path);
        }
        return path;
    }

    /** The path's fields, or {@link #NOT_PLAIN} if one is empty, an operator or could be an array position. */
    private static Path parse(String key) {
        String[] fields = key.split("\\.", -1);
        for (String field : fields) {
            if (field.isEmpty() || field.charAt(0) == '$' || isDigits(field)) {
                return NOT_PLAIN;
            }
        }
        String[] parents = new String[fields.length - 1];
        for (int i = 0; i < parents.length; i++) {
            parents[i] = i == 0 ? fields[0] : parents[i - 1] + "." + fields[i];
        }
        return new Path(fields, parents);
    }

    private static boolean isDigits(String field) {
        for (int i = 0; i < field.length(); i++) {
            if (!Character.isDigit(field.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** False if the path is one an earlier change names, lies inside one, or holds one (the server refuses those). */
    private static boolean claim(String key, Path path, Set<String> paths, Set<String> parents) {
        if (paths.contains(key) || parents.contains(key)) {
            return false;
        }
        for (String parent : path.parents()) {
            if (paths.contains(parent)) {
                return false;
            }
        }
        paths.add(key);
        Collections.addAll(parents, path.parents());
        return true;
    }
}

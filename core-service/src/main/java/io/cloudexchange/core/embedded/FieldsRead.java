package io.cloudexchange.core.embedded;

import de.bwaldvogel.mongo.bson.Document;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The top-level fields of a document that a query, a sort or a projection reads, so that a scan decodes only those
 * ({@link StoredBsonReader#read(byte[], Set)}). {@code null} stands for "the whole document": an operator that may
 * read any field ({@code $expr}, {@code $where}, {@code $jsonSchema}, {@code $text}...), an exclusion projection, or
 * one this class does not know.
 */
final class FieldsRead {

    private static final String ID = "_id";
    private static final Set<String> LOGICAL = Set.of("$and", "$or", "$nor");

    private FieldsRead() {
    }

    /** The fields a query's conditions read; {@code null} when it may read any. */
    static Set<String> ofQuery(Document query) {
        Set<String> fields = new HashSet<>();
        return addQuery(query, fields) ? fields : null;
    }

    private static boolean addQuery(Map<String, Object> query, Set<String> fields) {
        for (Map.Entry<String, Object> condition : query.entrySet()) {
            String key = condition.getKey();
            if (LOGICAL.contains(key)) {
                if (!(condition.getValue() instanceof List<?> clauses)) {
                    return false;
                }
                for (Object clause : clauses) {
                    if (!(clause instanceof Document nested) || !addQuery(nested, fields)) {
                        return false;
                    }
                }
            } else if (key.startsWith("$")) {
                if (!key.equals("$comment")) {
                    return false;
                }
            } else {
                // Operators under a field ($elemMatch, $not, $all...) apply to that field's value alone.
                fields.add(topLevel(key));
            }
        }
        return true;
    }

    /** The fields a sort compares ({@code $natural} reads none); {@code null} when it may read any. */
    static Set<String> ofSort(Document orderBy) {
        Set<String> fields = new HashSet<>();
        if (orderBy == null) {
            return fields;
        }
        for (String key : orderBy.keySet()) {
            if (key.equals("$natural")) {
                continue;
            }
            if (key.startsWith("$") || !(orderBy.get(key) instanceof Number)) {
                return null;
            }
            fields.add(topLevel(key));
        }
        return fields;
    }

    /**
     * The fields an inclusion projection keeps, {@code _id} always among them (the projection itself drops it when
     * asked to); {@code null} for no projection, an exclusion, or projection operators.
     */
    static Set<String> ofProjection(Document projection) {
        if (projection == null || projection.isEmpty()) {
            return null;
        }
        Set<String> fields = new HashSet<>();
        fields.add(ID);
        for (Map.Entry<String, Object> field : projection.entrySet()) {
            String key = field.getKey();
            if (key.equals(ID)) {
                continue;
            }
            if (key.contains("$") || !includes(field.getValue())) {
                return null;
            }
            fields.add(topLevel(key));
        }
        return fields;
    }

    /** Both fields sets together; {@code null} (every field) if either is. */
    static Set<String> union(Set<String> a, Set<String> b) {
        if (a == null || b == null) {
            return null;
        }
        Set<String> both = new HashSet<>(a);
        both.addAll(b);
        return both;
    }

    private static boolean includes(Object value) {
        return value instanceof Boolean flag ? flag
                : value instanceof Number number && number.doubleValue() != 0;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}

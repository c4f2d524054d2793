package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.api.InvalidRequestException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;

/**
 * The filters of TAXII 2.1 (section 3.5) on objects and manifests, as MongoDB conditions on the stored
 * indicators. Every value list is comma-separated, and a parameter may also be repeated. Each indicator is one
 * STIX {@code indicator} object with a single version (its {@code modified}, the indicator's {@code lastSeen}),
 * so {@code match[version]=first|last|all} select the same objects and a timestamp selects by {@code lastSeen}.
 * {@code match[id]} is answered by deriving each candidate's id (ids are UUIDv5 of type and value, not stored):
 * one scan of the collection per request, projected to type and value.
 */
final class TaxiiFilters {

    static final String SPEC_VERSION = "2.1";
    private static final Pattern STIX_TYPE = Pattern.compile("[a-z0-9][a-z0-9-]{1,249}");
    private static final Pattern STIX_ID = Pattern.compile("[a-z0-9][a-z0-9-]*--[0-9a-fA-F-]{36}");
    private static final Pattern SPEC = Pattern.compile("[0-9]+\\.[0-9]+");
    private static final int MAX_VALUES = 1000;
    /** Matches no stored document. */
    static final Document NOTHING = new Document("_id", new Document("$in", List.of()));

    /** The objects' ids asked for, or null for any. */
    final Set<String> ids;
    private final List<Document> conditions = new ArrayList<>();

    private TaxiiFilters(Set<String> ids) {
        this.ids = ids;
    }

    /**
     * Parses the filters; any of the lists may be null (parameter absent).
     *
     * @throws InvalidRequestException keyed by the parameter's name, for a value TAXII does not allow
     */
    static TaxiiFilters parse(String addedAfter, List<String> id, List<String> type, List<String> version,
                              List<String> specVersion) {
        List<String> idValues = values("match[id]", id);
        TaxiiFilters filters = new TaxiiFilters(idValues == null ? null : new LinkedHashSet<>(idValues));
        if (idValues != null) {
            for (String value : idValues) {
                if (!STIX_ID.matcher(value).matches()) {
                    throw InvalidRequestException.field("match[id]", "'" + value + "' is not a STIX id (type--UUID)");
                }
            }
        }
        if (addedAfter != null) {
            filters.conditions.add(new Document("lastSeen", new Document("$gt", Date.from(timestamp("added_after", addedAfter)))));
        }
        List<String> types = values("match[type]", type);
        if (types != null) {
            for (String value : types) {
                if (!STIX_TYPE.matcher(value).matches()) {
                    throw InvalidRequestException.field("match[type]", "'" + value + "' is not a STIX object type");
                }
            }
            if (!types.contains("indicator")) {
                filters.conditions.add(NOTHING);
            }
        }
        List<String> versions = values("match[version]", version);
        if (versions != null) {
            List<Date> at = new ArrayList<>();
            boolean every = false;
            for (String value : versions) {
                switch (value) {
                    case "first", "last", "all" -> every = true;
                    default -> at.add(Date.from(timestamp("match[version]", value,
                            "'first', 'last', 'all' or an RFC 3339 timestamp")));
                }
            }
            if (!every) {
                filters.conditions.add(new Document("lastSeen", new Document("$in", at)));
            }
        }
        List<String> specs = values("match[spec_version]", specVersion);
        if (specs != null) {
            for (String value : specs) {
                if (!SPEC.matcher(value).matches()) {
                    throw InvalidRequestException.field("match[spec_version]", "'" + value + "' is not a STIX version such as 2.1");
                }
            }
            if (!specs.contains(SPEC_VERSION)) {
                filters.conditions.add(NOTHING);
            }
        }
        return filters;
    }

    /** The parsed conditions, without {@code match[id]} (see {@link #ids}). */
    List<Document> conditions() {
        return conditions;
    }

    /** The comma-separated values of a parameter, null when absent; an empty value is refused. */
    private static List<String> values(String parameter, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return null;
        }
        List<String> values = raw.stream().flatMap(value -> Arrays.stream(value.split(",", -1)))
                .map(String::strip).toList();
        if (values.stream().anyMatch(String::isEmpty)) {
            throw InvalidRequestException.field(parameter, "an empty value; expected a comma-separated list");
        }
        if (values.size() > MAX_VALUES) {
            throw InvalidRequestException.field(parameter, "at most " + MAX_VALUES + " values");
        }
        return values;
    }

    static Instant timestamp(String field, String value) {
        return timestamp(field, value, "an RFC 3339 timestamp such as 2024-05-01T00:00:00.000Z");
    }

    private static Instant timestamp(String field, String value, String expected) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.field(field, "'" + value + "': expected " + expected);
        }
    }
}

package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A read-only TAXII 2.1 server: discovery, one API root ({@code cte}), a collection of all active
 * indicators and one per type, their objects as STIX 2.1 indicators and their manifest, paged by date added
 * ({@code added_after}, {@code limit}, {@code next}) and filtered by {@code match[...]} ({@link TaxiiFilters}).
 * Refused values answer a TAXII error message (400) naming the parameter. An object's date added is the indicator's
 * {@code lastSeen}: an indicator seen again comes back to pollers as a new version ({@code modified}).
 */
@RestController
@RequestMapping("/api/taxii2")
class TaxiiController {

    static final String TAXII = "application/taxii+json;version=2.1";
    static final String STIX = "application/stix+json;version=2.1";
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    private static final MediaType TAXII_TYPE = MediaType.parseMediaType(TAXII);
    private static final String ALL = "all";
    private static final Document PAGE_ORDER = new Document("lastSeen", 1).append("_id", 1);
    private static final Document TYPE_AND_VALUE = new Document("type", 1).append("value", 1);

    private final ServedIndicators indicators;

    TaxiiController(ServedIndicators indicators) {
        this.indicators = indicators;
    }

    @GetMapping({"", "/"})
    ResponseEntity<Object> discovery(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String root = ServletUriComponentsBuilder.fromCurrentContextPath().path("/api/taxii2/cte/").toUriString();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Cloud Exchange");
        body.put("description", "Active threat indicators of this Cloud Exchange, as STIX 2.1");
        body.put("default", root);
        body.put("api_roots", List.of(root));
        return taxii(accept, body);
    }

    @GetMapping({"/cte", "/cte/"})
    ResponseEntity<Object> apiRoot(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return taxii(accept, Map.of("title", "Threat Exchange", "versions", List.of(TAXII),
                "max_content_length", 10_485_760));
    }

    @GetMapping({"/cte/collections", "/cte/collections/"})
    ResponseEntity<Object> collections(@RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        List<Map<String, Object>> collections = new ArrayList<>();
        collections.add(collection(null));
        for (IndicatorType type : IndicatorType.values()) {
            collections.add(collection(type));
        }
        return taxii(accept, Map.of("collections", collections));
    }

    @GetMapping({"/cte/collections/{id}", "/cte/collections/{id}/"})
    ResponseEntity<Object> collection(@PathVariable String id,
                                      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        return taxii(accept, collection(typeOf(id)));
    }

    /**
     * The objects, or their manifest (per object its id, date added, version and media type), with the same
     * filters and paging.
     */
    @GetMapping({"/cte/collections/{id}/{list:objects|manifest}", "/cte/collections/{id}/{list:objects|manifest}/"})
    ResponseEntity<Object> objects(@PathVariable String id, @PathVariable String list,
                                   @RequestParam(name = "added_after", required = false) String addedAfter,
                                   @RequestParam(required = false) Integer limit,
                                   @RequestParam(required = false) String next,
                                   @RequestParam(name = "match[id]", required = false) List<String> matchId,
                                   @RequestParam(name = "match[type]", required = false) List<String> matchType,
                                   @RequestParam(name = "match[version]", required = false) List<String> matchVersion,
                                   @RequestParam(name = "match[spec_version]", required = false) List<String> matchSpec,
                                   @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        IndicatorType type = typeOf(id);
        TaxiiFilters filters = TaxiiFilters.parse(addedAfter, matchId, matchType, matchVersion, matchSpec);
        Function<Document, Object> entry = "manifest".equals(list) ? TaxiiController::manifestEntry : StixIndicators::of;
        return page(type, filters, filters.ids, limit, next, accept, "objects", entry);
    }

    /** One object (all its versions, here one) in an envelope; 404 when the collection has no such object. */
    @GetMapping({"/cte/collections/{id}/objects/{objectId}", "/cte/collections/{id}/objects/{objectId}/"})
    ResponseEntity<Object> object(@PathVariable String id, @PathVariable String objectId,
                                  @RequestParam(name = "added_after", required = false) String addedAfter,
                                  @RequestParam(required = false) Integer limit,
                                  @RequestParam(required = false) String next,
                                  @RequestParam(name = "match[version]", required = false) List<String> matchVersion,
                                  @RequestParam(name = "match[spec_version]", required = false) List<String> matchSpec,
                                  @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        IndicatorType type = typeOf(id);
        TaxiiFilters filters = TaxiiFilters.parse(addedAfter, List.of(objectId), null, matchVersion, matchSpec);
        requireObject(type, objectId);
        return page(type, filters, filters.ids, limit, next, accept, "objects", StixIndicators::of);
    }

    /** The versions of one object: each indicator has one, its {@code modified}. */
    @GetMapping({"/cte/collections/{id}/objects/{objectId}/versions", "/cte/collections/{id}/objects/{objectId}/versions/"})
    ResponseEntity<Object> versions(@PathVariable String id, @PathVariable String objectId,
                                    @RequestParam(name = "added_after", required = false) String addedAfter,
                                    @RequestParam(required = false) Integer limit,
                                    @RequestParam(required = false) String next,
                                    @RequestParam(name = "match[spec_version]", required = false) List<String> matchSpec,
                                    @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        IndicatorType type = typeOf(id);
        TaxiiFilters filters = TaxiiFilters.parse(addedAfter, List.of(objectId), null, null, matchSpec);
        requireObject(type, objectId);
        return page(type, filters, filters.ids, limit, next, accept, "versions",
                stored -> StixIndicators.of(stored).get("modified"));
    }

    private void requireObject(IndicatorType type, String objectId) {
        if (storedIds(type, Set.of(objectId)).isEmpty()) {
            throw new TaxiiNotFound("No object " + objectId + " in collection " + collectionId(type));
        }
    }

    private ResponseEntity<Object> page(IndicatorType type, TaxiiFilters filters, Set<String> stixIds, Integer limit,
                                        String next, String accept, String listName,
                                        Function<Document, Object> entry) {
        int pageSize = limit == null ? DEFAULT_LIMIT : limit;
        if (pageSize < 1) {
            throw InvalidRequestException.field("limit", "must be at least 1");
        }
        pageSize = Math.min(pageSize, MAX_LIMIT);
        ResponseEntity.BodyBuilder response = accepted(accept);
        List<Document> conditions = new ArrayList<>(List.of(indicators.filter(type, null)));
        conditions.addAll(filters.conditions());
        if (stixIds != null) {
            conditions.add(new Document("_id", new Document("$in", storedIds(type, stixIds))));
        }
        if (next != null) {
            conditions.add(after(next));
        }
        List<Document> page = new ArrayList<>();
        indicators.forEach(new Document("$and", conditions), new Document(), PAGE_ORDER, pageSize + 1, page::add);
        boolean more = page.size() > pageSize;
        if (more) {
            page = page.subList(0, pageSize);
        }
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("more", more);
        if (more) {
            Document last = page.get(page.size() - 1);
            envelope.put("next", cursor(StixIndicators.instant(last.get("lastSeen")), last.getString("_id")));
        }
        envelope.put(listName, page.stream().map(entry).toList());
        if (!page.isEmpty()) {
            response.header("X-TAXII-Date-Added-First",
                    StixIndicators.timestamp(StixIndicators.instant(page.get(0).get("lastSeen"))));
            response.header("X-TAXII-Date-Added-Last",
                    StixIndicators.timestamp(StixIndicators.instant(page.get(page.size() - 1).get("lastSeen"))));
        }
        return response.body(envelope);
    }

    /** The stored {@code _id}s of the collection's indicators with these STIX ids (derived, so found by a scan). */
    private List<String> storedIds(IndicatorType type, Set<String> stixIds) {
        List<String> found = new ArrayList<>();
        if (stixIds.stream().noneMatch(stixId -> stixId.startsWith("indicator--"))) {
            return found;
        }
        indicators.forEach(indicators.filter(type, null), TYPE_AND_VALUE, new Document(), 0, stored -> {
            if (stixIds.contains(StixIndicators.id(IndicatorType.valueOf(stored.getString("type")),
                    stored.getString("value")))) {
                found.add(stored.getString("_id"));
            }
        });
        return found;
    }

    private static Map<String, Object> manifestEntry(Document stored) {
        Map<String, Object> object = StixIndicators.of(stored);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", object.get("id"));
        entry.put("date_added", StixIndicators.timestamp(StixIndicators.instant(stored.get("lastSeen"))));
        entry.put("version", object.get("modified"));
        entry.put("media_type", STIX);
        return entry;
    }

    private static Map<String, Object> collection(IndicatorType type) {
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("id", collectionId(type));
        collection.put("title", type == null ? "Active indicators" : "Active " + label(type) + " indicators");
        collection.put("can_read", true);
        collection.put("can_write", false);
        collection.put("media_types", List.of(STIX));
        return collection;
    }

    static String collectionId(IndicatorType type) {
        return StixIndicators.uuid5("collection:" + (type == null ? ALL : type.name())).toString();
    }

    private static IndicatorType typeOf(String collectionId) {
        if (collectionId.equals(collectionId(null))) {
            return null;
        }
        for (IndicatorType type : IndicatorType.values()) {
            if (collectionId.equals(collectionId(type))) {
                return type;
            }
        }
        throw new TaxiiNotFound("No collection " + collectionId);
    }

    private static String label(IndicatorType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    static String cursor(Instant lastSeen, String id) {
        String raw = (lastSeen == null ? "" : lastSeen.toEpochMilli()) + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The condition "after this cursor" in (lastSeen, _id) order. */
    private static Document after(String next) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(next), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("next", "not a value this server returned");
        }
        int colon = raw.indexOf(':');
        if (colon <= 0 || !raw.substring(0, colon).matches("-?[0-9]+")) {
            throw InvalidRequestException.field("next", "not a value this server returned");
        }
        Date lastSeen = new Date(Long.parseLong(raw.substring(0, colon)));
        String id = raw.substring(colon + 1);
        return new Document("$or", List.of(
                new Document("lastSeen", new Document("$gt", lastSeen)),
                new Document("lastSeen", new Document("$eq", lastSeen)).append("_id", new Document("$gt", id))));
    }

    private static ResponseEntity<Object> taxii(String accept, Object body) {
        return accepted(accept).body(body);
    }

    /** TAXII clients must ask for the TAXII media type; a generic Accept is tolerated. */
    private static ResponseEntity.BodyBuilder accepted(String accept) {
        if (accept != null && !accept.isBlank()) {
            boolean acceptable = MediaType.parseMediaTypes(accept).stream().anyMatch(type ->
                    type.isWildcardType() || type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)
                            || (type.equalsTypeAndSubtype(TAXII_TYPE)
                                && (type.getParameter("version") == null || "2.1".equals(type.getParameter("version")))));
            if (!acceptable) {
                throw new TaxiiNotAcceptable();
            }
        }
        return ResponseEntity.ok().contentType(TAXII_TYPE);
    }

    static final class TaxiiNotFound extends RuntimeException {
        TaxiiNotFound(String message) {
            super(message);
        }
    }

    static final class TaxiiNotAcceptable extends RuntimeException {
        TaxiiNotAcceptable() {
            super("This server speaks " + TAXII);
        }
    }

    @org.springframework.web.bind.annotation.ExceptionHandler
    ResponseEntity<Object> notFound(TaxiiNotFound e) {
        return error(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    /** A refused filter or paging value, as a TAXII error message with the problem per parameter in details. */
    @org.springframework.web.bind.annotation.ExceptionHandler
    ResponseEntity<Object> invalid(InvalidRequestException e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Invalid request");
        body.put("description", e.errors().entrySet().stream().map(error -> error.getKey() + ": " + error.getValue())
                .collect(Collectors.joining("; ")));
        body.put("http_status", "400");
        body.put("details", e.errors());
        return ResponseEntity.badRequest().contentType(TAXII_TYPE).body(body);
    }

    @org.springframework.web.bind.annotation.ExceptionHandler
    ResponseEntity<Object> unreadable(MethodArgumentTypeMismatchException e) {
        return invalid(InvalidRequestException.field(e.getName(), "'" + e.getValue() + "' is not a valid value"));
    }

    @org.springframework.web.bind.annotation.ExceptionHandler
    ResponseEntity<Object> notAcceptable(TaxiiNotAcceptable e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "Not acceptable", e.getMessage());
    }

    private static ResponseEntity<Object> error(HttpStatus status, String title, String description) {
        return ResponseEntity.status(status).contentType(TAXII_TYPE).body(Map.of("title", title,
                "description", description, "http_status", String.valueOf(status.value())));
    }
}

package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** {@code PATCH /api/v2/incidents/update}: status, assignee and severity of incidents. */
public final class Incidents {

    private static final Set<String> FIELDS = Set.of("status", "assignee", "severity");
    private static final Set<String> SEVERITIES = Set.of("Low", "Medium", "High", "Critical");
    private static final Set<String> STATUSES = Set.of("new", "in_progress", "closed");

    private final Map<String, Map<String, String>> incidents = new HashMap<>();

    List<Route> routes() {
        return List.of(Route.v2("PATCH", "/api/v2/incidents/update", "/api/v2/incidents/update", this::update));
    }

    /** An incident's fields as clients set them (empty if never updated). */
    public synchronized Map<String, String> incident(String objectId) {
        return Map.copyOf(incidents.getOrDefault(objectId, Map.of()));
    }

    private synchronized ApiResponse update(ApiRequest request) {
        JsonNode payload = Json.body(request).path("payload");
        if (!payload.isArray() || payload.isEmpty()) {
            return ApiResponse.error(400, "payload must be a non-empty array");
        }
        for (JsonNode change : payload) {
            String field = change.path("field").asString("");
            String value = change.path("new_value").asString("");
            if (!FIELDS.contains(field) || change.path("object_id").asString("").isBlank()
                    || change.path("user").asString("").isBlank()) {
                return ApiResponse.error(400, "each change needs field (status, assignee or severity), object_id and user");
            }
            if (field.equals("severity") && !SEVERITIES.contains(value)
                    || field.equals("status") && !STATUSES.contains(value)) {
                return ApiResponse.error(400, "invalid " + field + " '" + value + "'");
            }
        }
        payload.forEach(change -> incidents.computeIfAbsent(change.path("object_id").asString(), id -> new HashMap<>())
                .put(change.path("field").asString(), change.path("new_value").asString()));
        return ApiResponse.ok("{\"ok\":1}");
    }
}

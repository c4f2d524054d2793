package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/** {@code /api/v2/services/cci/tags}: custom tags on applications. */
public final class AppTags {

    private static final String SCOPE = "/api/v2/services/cci/tags";

    private final Map<String, Set<String>> tags = new LinkedHashMap<>();

    List<Route> routes() {
        return List.of(
                Route.v2("GET", SCOPE, SCOPE, request -> list()),
                Route.v2("POST", SCOPE, SCOPE, this::create),
                Route.v2("PATCH", SCOPE + "/([^/]+)", SCOPE, this::change));
    }

    public synchronized Set<String> apps(String tag) {
        return Set.copyOf(tags.getOrDefault(tag, Set.of()));
    }

    private synchronized ApiResponse list() {
        return Json.ok(Map.of("status", "success", "data", tags.entrySet().stream()
                .map(e -> Map.of("tag", e.getKey(), "apps", List.copyOf(e.getValue()))).toList()));
    }

    private synchronized ApiResponse create(ApiRequest request) {
        JsonNode body = Json.body(request);
        String tag = body.path("tag").asString("");
        if (tag.isBlank() || tag.length() > 75) {
            return ApiResponse.error(400, "tag must be 1 to 75 characters");
        }
        if (tags.containsKey(tag)) {
            return ApiResponse.error(409, "tag " + tag + " already exists");
        }
        tags.put(tag, new LinkedHashSet<>(Json.strings(body.path("apps"))));
        return Json.ok(Map.of("status", "success", "tag", tag));
    }

    private synchronized ApiResponse change(ApiRequest request) {
        String tag = request.pathParameter(1);
        Set<String> apps = tags.get(tag);
        if (apps == null) {
            return ApiResponse.error(404, "tag " + tag + " not found");
        }
        JsonNode body = Json.body(request);
        List<String> given = Json.strings(body.path("apps"));
        switch (body.path("action").asString("append")) {
            case "append" -> apps.addAll(given);
            case "remove" -> given.forEach(apps::remove);
            default -> {
                return ApiResponse.error(400, "action must be append or remove");
            }
        }
        return Json.ok(Map.of("status", "success", "tag", tag));
    }
}

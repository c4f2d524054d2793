package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * v1 {@code POST /api/v1/app_instances?op=list|add|update|delete}: app instances, each an
 * {@code instance_id} of an {@code app} with a name and tags. Changes take an {@code instances} array.
 */
public final class AppInstances {

    /** One instance as the tenant holds it. */
    public record Instance(String app, String instanceId, String instanceName, List<String> tags) {
    }

    private final Map<String, Instance> instances = new LinkedHashMap<>();

    List<Route> routes() {
        return List.of(Route.v1("POST", "/api/v1/app_instances", this::handle));
    }

    public synchronized Optional<Instance> find(String app, String instanceId) {
        return Optional.ofNullable(instances.get(key(app, instanceId)));
    }

    private synchronized ApiResponse handle(ApiRequest request) {
        String op = request.query("op");
        if ("list".equals(op)) {
            return Json.ok(Map.of("status", "success", "data", instances.values().stream().map(AppInstances::json).toList()));
        }
        if (!List.of("add", "update", "delete").contains(op)) {
            return v1Error("op must be list, add, update or delete");
        }
        List<Instance> changes = new ArrayList<>();
        for (JsonNode item : Json.body(request).path("instances")) {
            String app = item.path("app").asString("");
            String id = item.path("instance_id").asString("");
            if (app.isBlank() || id.isBlank()) {
                return v1Error("every instance needs app and instance_id");
            }
            boolean exists = instances.containsKey(key(app, id));
            if (op.equals("add") && exists) {
                return v1Error("App instance " + id + " of " + app + " already exists");
            }
            if (!op.equals("add") && !exists) {
                return v1Error("App instance " + id + " of " + app + " not found");
            }
            changes.add(new Instance(app, id, item.path("instance_name").asString(id), Json.strings(item.get("tags"))));
        }
        if (changes.isEmpty()) {
            return v1Error("instances is required");
        }
        for (Instance change : changes) {
            if (op.equals("delete")) {
                instances.remove(key(change.app(), change.instanceId()));
            } else {
                instances.put(key(change.app(), change.instanceId()), change);
            }
        }
        return Json.ok(Map.of("status", "success", "data", changes.stream().map(AppInstances::json).toList()));
    }

    private static Map<String, Object> json(Instance instance) {
        return Map.of("app", instance.app(), "instance_id", instance.instanceId(),
                "instance_name", instance.instanceName(), "tags", instance.tags());
    }

    private static String key(String app, String instanceId) {
        return app + "\u0000" + instanceId;
    }

    private static ApiResponse v1Error(String message) {
        return Json.ok(Map.of("status", "error", "errors", List.of(message)));
    }
}

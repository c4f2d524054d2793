package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** v1 {@code POST /api/v1/updateFileHashList}: replaces a named list with up to 8 MB of comma-separated hashes. */
public final class FileHashLists {

    public static final long MAX_BYTES = 8L * 1024 * 1024;

    private final Map<String, List<String>> lists = new LinkedHashMap<>();

    List<Route> routes() {
        return List.of(Route.v1("POST", "/api/v1/updateFileHashList", this::update));
    }

    public synchronized Optional<List<String>> byName(String name) {
        return Optional.ofNullable(lists.get(name));
    }

    private synchronized ApiResponse update(ApiRequest request) {
        JsonNode body = Json.body(request);
        String name = body.path("name").asString("");
        String list = body.path("list").asString("");
        if (name.isBlank() || list.isBlank()) {
            return v1Error("name and list are required");
        }
        if (list.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return v1Error("File hash list exceeds the 8 MB limit");
        }
        List<String> hashes = Arrays.stream(list.split(",")).map(String::trim).filter(h -> !h.isEmpty()).toList();
        if (hashes.stream().anyMatch(h -> !h.matches("[0-9a-fA-F]{32}|[0-9a-fA-F]{64}"))) {
            return v1Error("Invalid hash in list; only MD5 and SHA256 are accepted");
        }
        if (hashes.equals(lists.get(name))) {
            return v1Error("Duplicate request, file hash list is unchanged");
        }
        lists.put(name, hashes);
        return ApiResponse.ok("{\"status\":\"success\",\"msg\":\"File hash list updated\"}");
    }

    private static ApiResponse v1Error(String message) {
        return ApiResponse.ok("{\"status\":\"error\",\"errors\":[\"" + message + "\"]}");
    }
}

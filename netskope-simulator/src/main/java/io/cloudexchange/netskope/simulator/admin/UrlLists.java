package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/policy/urllist}: lists are created and changed as pending, and {@code deploy}
 * applies every pending change (the UI's "apply changes"). A list holds at most 7 MB of URLs.
 */
public final class UrlLists {

    public static final long MAX_BYTES = 7L * 1024 * 1024;
    private static final String SCOPE = "/api/v2/policy/urllist";

    /** A list as the tenant shows it: the applied URLs and, if changed since the last deploy, the pending ones. */
    public record UrlList(int id, String name, String type, List<String> applied, List<String> pending) {

        public boolean isPending() {
            return pending != null;
        }

        List<String> current() {
            return pending != null ? pending : applied;
        }
    }

    private final Map<Integer, UrlList> lists = new LinkedHashMap<>();
    private int nextId = 1;

    List<Route> routes() {
        return List.of(
                Route.v2("GET", SCOPE, SCOPE, request -> list()),
                Route.v2("POST", SCOPE, SCOPE, this::create),
                Route.v2("POST", SCOPE + "/deploy", SCOPE + "/deploy", request -> deploy()),
                Route.v2("GET", SCOPE + "/(\\d+)", SCOPE, this::get),
                Route.v2("PATCH", SCOPE + "/(\\d+)/(append|replace)", SCOPE, this::change));
    }

    public synchronized Optional<UrlList> byName(String name) {
        return lists.values().stream().filter(l -> l.name().equals(name)).findFirst();
    }

    public synchronized List<UrlList> all() {
        return List.copyOf(lists.values());
    }

    private synchronized ApiResponse list() {
        return Json.ok(lists.values().stream().map(UrlLists::view).toList());
    }

    private synchronized ApiResponse get(ApiRequest request) {
        UrlList list = lists.get(Integer.parseInt(request.pathParameter(1)));
        return list == null ? ApiResponse.error(404, "URL list not found") : Json.ok(view(list));
    }

    private synchronized ApiResponse create(ApiRequest request) {
        JsonNode body = Json.body(request);
        String name = body.path("name").asString("");
        if (name.isBlank()) {
            return ApiResponse.error(400, "name is required");
        }
        if (byName(name).isPresent()) {
            return ApiResponse.error(400, "URL list " + name + " already exists");
        }
        List<String> urls = Json.strings(body.path("data").path("urls"));
        String type = body.path("data").path("type").asString("exact");
        Optional<ApiResponse> invalid = check(urls, type);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        UrlList list = new UrlList(nextId++, name, type, List.of(), List.copyOf(urls));
        lists.put(list.id(), list);
        return Json.ok(view(list));
    }

    private synchronized ApiResponse change(ApiRequest request) {
        UrlList list = lists.get(Integer.parseInt(request.pathParameter(1)));
        if (list == null) {
            return ApiResponse.error(404, "URL list not found");
        }
        JsonNode body = Json.body(request);
        List<String> given = Json.strings(body.path("data").path("urls"));
        String type = body.path("data").path("type").asString(list.type());
        LinkedHashSet<String> urls = new LinkedHashSet<>();
        if (request.pathParameter(2).equals("append")) {
            urls.addAll(list.current());
        }
        urls.addAll(given);
        Optional<ApiResponse> invalid = check(new ArrayList<>(urls), type);
        if (invalid.isPresent()) {
            return invalid.get();
        }
        UrlList changed = new UrlList(list.id(), list.name(), type, list.applied(), List.copyOf(urls));
        lists.put(list.id(), changed);
        return Json.ok(view(changed));
    }

    private synchronized ApiResponse deploy() {
        lists.replaceAll((id, list) -> list.isPending()
                ? new UrlList(id, list.name(), list.type(), list.pending(), null) : list);
        return Json.ok(lists.values().stream().map(UrlLists::view).toList());
    }

    private static Optional<ApiResponse> check(List<String> urls, String type) {
        if (!type.equals("exact") && !type.equals("regex")) {
            return Optional.of(ApiResponse.error(400, "type must be exact or regex"));
        }
        if (urls.isEmpty()) {
            return Optional.of(ApiResponse.error(400, "a URL list must not be empty"));
        }
        long bytes = urls.stream().mapToLong(u -> u.getBytes(StandardCharsets.UTF_8).length + 1L).sum();
        if (bytes > MAX_BYTES) {
            return Optional.of(ApiResponse.error(400, "URL list size " + bytes + " bytes exceeds the 7 MB limit"));
        }
        return Optional.empty();
    }

    private static Map<String, Object> view(UrlList list) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", list.id());
        view.put("name", list.name());
        view.put("data", Map.of("urls", list.current(), "type", list.type()));
        view.put("pending", list.isPending() ? 1 : 0);
        view.put("modify_type", list.isPending() ? "Edited" : "Applied");
        return view;
    }
}

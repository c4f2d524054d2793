package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * {@code /api/v2/profiles/destinations}: exact or regex destination profiles. Values are added
 * ({@code POST …/{id}/values}) or replaced ({@code PATCH …/{id}/values}) as pending changes that
 * {@code deploy} applies. Caps: 100,000 exact values per profile and 300,000 in all; 1,000 regex
 * values in all.
 */
public final class DestinationProfiles {

    public static final int MAX_EXACT_PER_PROFILE = 100_000;
    public static final int MAX_EXACT_TOTAL = 300_000;
    public static final int MAX_REGEX_TOTAL = 1_000;
    private static final String SCOPE = "/api/v2/profiles/destinations";

    /** A profile: its applied values and, if changed since the last deploy, the pending ones. */
    public record Profile(int id, String name, String type, List<String> applied, List<String> pending) {

        public boolean isPending() {
            return pending != null;
        }

        List<String> current() {
            return pending != null ? pending : applied;
        }
    }

    private final Map<Integer, Profile> profiles = new LinkedHashMap<>();
    private int nextId = 1;

    List<Route> routes() {
        return List.of(
                Route.v2("GET", SCOPE, SCOPE, request -> list()),
                Route.v2("POST", SCOPE, SCOPE, this::create),
                Route.v2("POST", SCOPE + "/deploy", SCOPE + "/deploy", request -> deploy()),
                Route.v2("GET", SCOPE + "/(\\d+)", SCOPE, this::get),
                Route.v2("POST", SCOPE + "/(\\d+)/values", SCOPE, request -> change(request, true)),
                Route.v2("PATCH", SCOPE + "/(\\d+)/values", SCOPE, request -> change(request, false)));
    }

    public synchronized Optional<Profile> byName(String name) {
        return profiles.values().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private synchronized ApiResponse list() {
        return Json.ok(Map.of("data", profiles.values().stream().map(DestinationProfiles::view).toList()));
    }

    private synchronized ApiResponse get(ApiRequest request) {
        Profile profile = profiles.get(Integer.parseInt(request.pathParameter(1)));
        return profile == null ? ApiResponse.error(404, "destination profile not found") : Json.ok(view(profile));
    }

    private synchronized ApiResponse create(ApiRequest request) {
        JsonNode body = Json.body(request);
        String name = body.path("name").asString("");
        String type = body.path("type").asString("exact");
        if (name.isBlank()) {
            return ApiResponse.error(400, "name is required");
        }
        if (byName(name).isPresent()) {
            return ApiResponse.error(400, "destination profile " + name + " already exists");
        }
        if (!type.equals("exact") && !type.equals("regex")) {
            return ApiResponse.error(400, "type must be exact or regex");
        }
        Profile profile = new Profile(nextId, name, type, List.of(), List.copyOf(new LinkedHashSet<>(
                Json.strings(body.get("values")))));
        Optional<ApiResponse> overCap = overCap(profile);
        if (overCap.isPresent()) {
            return overCap.get();
        }
        nextId++;
        profiles.put(profile.id(), profile);
        return Json.ok(view(profile));
    }

    private synchronized ApiResponse change(ApiRequest request, boolean add) {
        Profile profile = profiles.get(Integer.parseInt(request.pathParameter(1)));
        if (profile == null) {
            return ApiResponse.error(404, "destination profile not found");
        }
        LinkedHashSet<String> values = new LinkedHashSet<>(add ? profile.current() : List.of());
        values.addAll(Json.strings(Json.body(request).get("values")));
        Profile changed = new Profile(profile.id(), profile.name(), profile.type(), profile.applied(), List.copyOf(values));
        Optional<ApiResponse> overCap = overCap(changed);
        if (overCap.isPresent()) {
            return overCap.get();
        }
        profiles.put(changed.id(), changed);
        return Json.ok(view(changed));
    }

    private synchronized ApiResponse deploy() {
        profiles.replaceAll((id, p) -> p.isPending() ? new Profile(id, p.name(), p.type(), p.pending(), null) : p);
        return Json.ok(Map.of("data", profiles.values().stream().map(DestinationProfiles::view).toList()));
    }

    /** The caps a profile would break, counted with every other profile's current values. */
    private Optional<ApiResponse> overCap(Profile candidate) {
        long sameType = candidate.current().size() + profiles.values().stream()
                .filter(p -> p.id() != candidate.id() && p.type().equals(candidate.type()))
                .mapToLong(p -> p.current().size()).sum();
        if (candidate.type().equals("regex") && sameType > MAX_REGEX_TOTAL) {
            return Optional.of(ApiResponse.error(400, "regex destination values would be " + sameType
                    + "; at most 1000 in all profiles"));
        }
        if (candidate.type().equals("exact") && candidate.current().size() > MAX_EXACT_PER_PROFILE) {
            return Optional.of(ApiResponse.error(400, "a destination profile holds at most 100000 exact values"));
        }
        if (candidate.type().equals("exact") && sameType > MAX_EXACT_TOTAL) {
            return Optional.of(ApiResponse.error(400, "exact destination values would be " + sameType
                    + "; at most 300000 in all profiles"));
        }
        return Optional.empty();
    }

    private static Map<String, Object> view(Profile profile) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", profile.id());
        view.put("name", profile.name());
        view.put("type", profile.type());
        view.put("values", profile.current());
        view.put("pending", profile.isPending() ? 1 : 0);
        return view;
    }
}

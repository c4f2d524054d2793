package io.cloudexchange.netskope.simulator.admin;

import io.cloudexchange.netskope.simulator.http.ApiRequest;
import io.cloudexchange.netskope.simulator.http.ApiResponse;
import io.cloudexchange.netskope.simulator.http.Route;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** User Confidence Index: every user starts at 1000; impacts lower it, a reset restores it. */
public final class UserConfidence {

    public static final int FULL_SCORE = 1000;
    static final int MAX_USERS_PER_QUERY = 512;

    /** One impact a client reported. */
    public record Impact(String user, int score, long timestamp, String source, String reason) {
    }

    private final Map<String, Integer> scores = new HashMap<>();
    private final List<Impact> impacts = new ArrayList<>();

    List<Route> routes() {
        return List.of(
                Route.v2("POST", "/api/v2/incidents/uba/getuci", "/api/v2/incidents/uba/getuci", this::get),
                Route.v2("POST", "/api/v2/incidents/user/uciimpact", "/api/v2/incidents/user/uciimpact", this::impact),
                Route.v2("POST", "/api/v2/incidents/users/uci/reset", "/api/v2/incidents/users/uci/reset", this::reset));
    }

    public synchronized int score(String user) {
        return scores.getOrDefault(user, FULL_SCORE);
    }

    public synchronized List<Impact> impacts() {
        return List.copyOf(impacts);
    }

    private synchronized ApiResponse get(ApiRequest request) {
        List<String> users = Json.strings(Json.body(request).path("users"));
        if (users.isEmpty() || users.size() > MAX_USERS_PER_QUERY) {
            return ApiResponse.error(400, "users must hold 1 to " + MAX_USERS_PER_QUERY + " users");
        }
        List<Map<String, Object>> result = users.stream().map(user -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("userId", user);
            entry.put("confidences", List.of(Map.of("confidenceScore", score(user), "timestamp", 0)));
            return entry;
        }).toList();
        return Json.ok(Map.of("usersUci", result));
    }

    private synchronized ApiResponse impact(ApiRequest request) {
        JsonNode body = Json.body(request);
        String user = body.path("user").asString("");
        int score = body.path("score").asInt(0);
        if (user.isBlank() || score < 1 || score > FULL_SCORE) {
            return ApiResponse.error(400, "user is required and score must be between 1 and " + FULL_SCORE);
        }
        impacts.add(new Impact(user, score, body.path("timestamp").asLong(0), body.path("source").asString(""),
                body.path("reason").asString("")));
        scores.put(user, Math.max(0, score(user) - score));
        return ApiResponse.ok("{\"status\":\"success\"}");
    }

    private synchronized ApiResponse reset(ApiRequest request) {
        List<String> users = Json.strings(Json.body(request).path("users"));
        if (users.isEmpty()) {
            return ApiResponse.error(400, "users is required");
        }
        users.forEach(scores::remove);
        return ApiResponse.ok("{\"status\":\"success\"}");
    }
}

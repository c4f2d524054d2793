package io.cloudexchange.plugins.netskope.push;

import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException;
import io.cloudexchange.plugins.netskope.http.NetskopeApiException.Problem;
import io.cloudexchange.plugins.netskope.http.RetryableFailure;
import io.cloudexchange.plugins.netskope.http.TenantHttp;
import io.cloudexchange.plugins.netskope.http.TenantResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant calls other modules push with: URL lists, the file hash list, destination profiles, UCI
 * scores, app tags, app instances and incident updates. Size limits are checked before sending. Calls that are safe to repeat are
 * retried after any retryable failure; the others ({@link #uciImpact}, incident updates, creations)
 * only after 429/409, which prove the tenant did nothing.
 */
public final class NetskopeAdminClient {

    /** A URL list holds at most 7 MB (URLs plus one separator each). */
    public static final long URL_LIST_MAX_BYTES = 7L * 1024 * 1024;
    /** The v1 file hash list holds at most 8 MB of comma-separated hashes. */
    public static final long FILE_HASH_LIST_MAX_BYTES = 8L * 1024 * 1024;
    /** Exact values per destination profile (300,000 over all profiles, which the tenant checks). */
    public static final int DESTINATION_EXACT_MAX_PER_PROFILE = 100_000;
    /** Regex values over all destination profiles. */
    public static final int DESTINATION_REGEX_MAX = 1_000;
    static final int UCI_USERS_PER_REQUEST = 512;
    static final int INCIDENT_CHANGES_PER_REQUEST = 10;
    private static final String URL_LISTS = "/api/v2/policy/urllist";
    private static final String APP_INSTANCES = "/api/v1/app_instances";
    private static final String DESTINATIONS = "/api/v2/profiles/destinations";

    /** What a file hash list upload did. */
    public enum HashListUpdate { UPDATED, UNCHANGED }

    private final TenantHttp http;

    public NetskopeAdminClient(TenantHttp http) {
        this.http = http;
    }

    public List<UrlList> urlLists() {
        Object body = http.withRetries("Listing URL lists", attempt -> http.get(URL_LISTS).json());
        List<UrlList> lists = new ArrayList<>();
        if (body instanceof List<?> items) {
            items.forEach(item -> lists.add(urlList(item)));
        }
        return lists;
    }

    public UrlList createUrlList(String name, String type, List<String> urls) {
        checkUrlListSize(name, urls);
        String json = Json.write(Map.of("name", name, "data", Map.of("urls", urls, "type", type)));
        return urlList(once("Creating URL list " + name, () -> http.send("POST", URL_LISTS, json)));
    }

    /** Adds URLs to a list (pending until {@link #deployUrlLists()}); {@code allUrls} is what the list will hold. */
    public UrlList appendUrls(long id, String type, List<String> urls, List<String> allUrls) {
        checkUrlListSize("#" + id, allUrls);
        String json = Json.write(Map.of("data", Map.of("urls", urls, "type", type)));
        return urlList(http.withRetries("Appending to URL list " + id,
                attempt -> http.send("PATCH", URL_LISTS + "/" + id + "/append", json).json()));
    }

    /** Replaces a list's URLs (pending until {@link #deployUrlLists()}), e.g. to retract some. */
    public UrlList replaceUrls(long id, String name, String type, List<String> urls) {
        checkUrlListSize(name, urls);
        String json = Json.write(Map.of("name", name, "data", Map.of("urls", urls, "type", type)));
        return urlList(http.withRetries("Replacing URL list " + name,
                attempt -> http.send("PATCH", URL_LISTS + "/" + id + "/replace", json).json()));
    }

    /** Applies every pending URL list change, like "Apply changes" in the tenant's UI. */
    public void deployUrlLists() {
        http.withRetries("Deploying URL lists", attempt -> http.send("POST", URL_LISTS + "/deploy", "{}"));
    }

    public List<DestinationProfile> destinationProfiles() {
        Object body = http.withRetries("Listing destination profiles", attempt -> http.get(DESTINATIONS).json());
        Object data = body instanceof Map<?, ?> map ? map.get("data") : null;
        return data instanceof List<?> items ? items.stream().map(NetskopeAdminClient::destinationProfile).toList()
                : List.of();
    }

    public DestinationProfile destinationProfile(long id) {
        return destinationProfile(http.withRetries("Reading destination profile " + id,
                attempt -> http.get(DESTINATIONS + "/" + id).json()));
    }

    public DestinationProfile createDestinationProfile(String name, String type, List<String> values) {
        checkDestinationValues(name, type, values.size());
        String json = Json.write(Map.of("name", name, "type", type, "values", values));
        return destinationProfile(once("Creating destination profile " + name,
                () -> http.send("POST", DESTINATIONS, json)));
    }

    /** Adds values (pending until {@link #deployDestinationProfiles()}); {@code total} is how many it will hold. */
    public DestinationProfile addDestinationValues(long id, String type, List<String> values, int total) {
        checkDestinationValues("#" + id, type, total);
        String json = Json.write(Map.of("values", values));
        return destinationProfile(http.withRetries("Adding to destination profile " + id,
                attempt -> http.send("POST", DESTINATIONS + "/" + id + "/values", json).json()));
    }

    /** Replaces a profile's values (pending until {@link #deployDestinationProfiles()}), e.g. to retract some. */
    public DestinationProfile replaceDestinationValues(long id, String type, List<String> values) {
        checkDestinationValues("#" + id, type, values.size());
        String json = Json.write(Map.of("values", values));
        return destinationProfile(http.withRetries("Replacing destination profile " + id,
                attempt -> http.send("PATCH", DESTINATIONS + "/" + id + "/values", json).json()));
    }

    /** Applies every pending destination profile change. */
    public void deployDestinationProfiles() {
        http.withRetries("Deploying destination profiles",
                attempt -> http.send("POST", DESTINATIONS + "/deploy", "{}"));
    }

    /**
     * The caps one profile can check: 100,000 exact or 1,000 regex values. The tenant also refuses
     * more than 300,000 exact values over all profiles.
     */
    private static void checkDestinationValues(String name, String type, int count) {
        int cap = "regex".equals(type) ? DESTINATION_REGEX_MAX : DESTINATION_EXACT_MAX_PER_PROFILE;
        if (count > cap) {
            throw new ListTooLargeException("Destination profile " + name + " would hold " + count + " " + type
                    + " values; the tenant accepts at most " + cap);
        }
    }

    private static DestinationProfile destinationProfile(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("id") instanceof Long id)) {
            throw new NetskopeApiException(Problem.REJECTED, 200, "unexpected destination profile answer", null);
        }
        List<String> values = map.get("values") instanceof List<?> list ? list.stream().map(String::valueOf).toList()
                : List.of();
        return new DestinationProfile(id, String.valueOf(map.get("name")), String.valueOf(map.get("type")), values,
                Long.valueOf(1).equals(map.get("pending")));
    }

    /** Replaces the named file hash list (v1 API, needs the v1 token). */
    public HashListUpdate updateFileHashList(String name, List<String> hashes, String v1Token) {
        String list = String.join(",", hashes);
        long bytes = list.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > FILE_HASH_LIST_MAX_BYTES) {
            throw new ListTooLargeException("File hash list " + name + " would hold " + bytes
                    + " bytes; the tenant accepts at most 8 MB");
        }
        String json = Json.write(Map.of("name", name, "list", list, "token", v1Token));
        Object body = http.withRetries("Updating file hash list " + name,
                attempt -> http.send("POST", "/api/v1/updateFileHashList", json).json());
        Map<?, ?> result = body instanceof Map<?, ?> map ? map : Map.of();
        if (!"success".equals(result.get("status")) && String.valueOf(result.get("errors")).contains("Duplicate request")) {
            return HashListUpdate.UNCHANGED;
        }
        v1Data("File hash list " + name, body);
        return HashListUpdate.UPDATED;
    }

    /** The tenant's app instances (v1 API, needs the v1 token). */
    public List<AppInstance> appInstances(String v1Token) {
        String json = Json.write(Map.of("token", v1Token));
        Object body = http.withRetries("Listing app instances",
                attempt -> http.send("POST", APP_INSTANCES + "?op=list", json).json());
        return v1Data("Listing app instances", body).stream().map(NetskopeAdminClient::appInstance).toList();
    }

    /** Adds app instances; fails if one exists. Not repeated once the tenant may have acted. */
    public void addAppInstances(List<AppInstance> instances, String v1Token) {
        String json = appInstancesJson(instances, v1Token);
        v1Data("Adding app instances", once("Adding app instances",
                () -> http.send("POST", APP_INSTANCES + "?op=add", json)));
    }

    /** Replaces the names and tags of existing app instances. */
    public void updateAppInstances(List<AppInstance> instances, String v1Token) {
        String json = appInstancesJson(instances, v1Token);
        v1Data("Updating app instances", http.withRetries("Updating app instances",
                attempt -> http.send("POST", APP_INSTANCES + "?op=update", json).json()));
    }

    /** Deletes app instances; fails if one does not exist. Not repeated once the tenant may have acted. */
    public void deleteAppInstances(List<AppInstance> instances, String v1Token) {
        String json = appInstancesJson(instances, v1Token);
        v1Data("Deleting app instances", once("Deleting app instances",
                () -> http.send("POST", APP_INSTANCES + "?op=delete", json)));
    }

    private static String appInstancesJson(List<AppInstance> instances, String v1Token) {
        List<Map<String, Object>> items = instances.stream().map(instance -> Map.<String, Object>of(
                "app", instance.app(), "instance_id", instance.instanceId(),
                "instance_name", instance.instanceName(), "tags", instance.tags())).toList();
        return Json.write(Map.of("instances", items, "token", v1Token));
    }

    private static AppInstance appInstance(Object json) {
        Map<?, ?> map = json instanceof Map<?, ?> m ? m : Map.of();
        List<String> tags = map.get("tags") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new AppInstance(String.valueOf(map.get("app")), String.valueOf(map.get("instance_id")),
                String.valueOf(map.get("instance_name")), tags);
    }

    /** The {@code data} of a v1 answer; {@code status:error} becomes a {@link NetskopeApiException}. */
    private static List<?> v1Data(String what, Object body) {
        Map<?, ?> result = body instanceof Map<?, ?> map ? map : Map.of();
        if (!"success".equals(result.get("status"))) {
            String errors = String.valueOf(result.get("errors"));
            throw new NetskopeApiException(Problem.REJECTED, 200, what + " was refused: "
                    + (errors.contains("Invalid token") ? "the v1 token is invalid" : errors), null);
        }
        return result.get("data") instanceof List<?> data ? data : List.of();
    }

    /** Current UCI score per user, asked in batches of 512. */
    public Map<String, Long> uci(List<String> users) {
        Map<String, Long> scores = new LinkedHashMap<>();
        for (List<String> batch : batches(users, UCI_USERS_PER_REQUEST)) {
            String json = Json.write(Map.of("users", batch, "fromTime", 0, "capPerUser", 1));
            Object body = http.withRetries("Reading UCI scores", attempt ->
                    http.send("POST", "/api/v2/incidents/uba/getuci", json).json());
            if (body instanceof Map<?, ?> map && map.get("usersUci") instanceof List<?> entries) {
                for (Object entry : entries) {
                    if (entry instanceof Map<?, ?> user && user.get("confidences") instanceof List<?> confidences
                            && !confidences.isEmpty() && confidences.get(0) instanceof Map<?, ?> latest
                            && latest.get("confidenceScore") instanceof Long score) {
                        scores.put(String.valueOf(user.get("userId")), score);
                    }
                }
            }
        }
        return scores;
    }

    /** Lowers a user's UCI by {@code score} (1–1000); not repeated after an ambiguous failure. */
    public void uciImpact(String user, int score, long timestampMillis, String source, String reason) {
        if (score < 1 || score > 1000) {
            throw new IllegalArgumentException("a UCI impact score is between 1 and 1000, not " + score);
        }
        String json = Json.write(Map.of("user", user, "score", score, "timestamp", timestampMillis,
                "source", source, "reason", reason));
        once("Reporting a UCI impact", () -> http.send("POST", "/api/v2/incidents/user/uciimpact", json));
    }

    public void resetUci(List<String> users) {
        for (List<String> batch : batches(users, UCI_USERS_PER_REQUEST)) {
            String json = Json.write(Map.of("users", batch));
            http.withRetries("Resetting UCI scores", attempt -> http.send("POST", "/api/v2/incidents/users/uci/reset", json));
        }
    }

    public void createAppTag(String tag, List<String> apps) {
        String json = Json.write(Map.of("tag", tag, "apps", apps));
        once("Creating app tag " + tag, () -> http.send("POST", "/api/v2/services/cci/tags", json));
    }

    /** Adds ({@code remove} false) or removes apps from a tag. */
    public void tagApps(String tag, List<String> apps, boolean remove) {
        String json = Json.write(Map.of("apps", apps, "action", remove ? "remove" : "append"));
        String path = "/api/v2/services/cci/tags/" + java.net.URLEncoder.encode(tag, StandardCharsets.UTF_8)
                .replace("+", "%20");
        http.withRetries("Tagging apps with " + tag, attempt -> http.send("PATCH", path, json));
    }

    /** Sends incident changes in batches of 10. */
    public void updateIncidents(List<IncidentChange> changes) {
        for (List<IncidentChange> batch : batches(changes, INCIDENT_CHANGES_PER_REQUEST)) {
            List<Map<String, Object>> payload = batch.stream().map(change -> {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("field", change.field());
                item.put("new_value", change.newValue());
                item.put("old_value", change.oldValue());
                item.put("object_id", change.objectId());
                item.put("user", change.user());
                return item;
            }).toList();
            String json = Json.write(Map.of("payload", payload));
            once("Updating incidents", () -> http.send("PATCH", "/api/v2/incidents/update", json));
        }
    }

    /** A request that is not safe to repeat if the tenant may have acted on it. */
    private Object once(String what, Request request) {
        return http.withRetries(what, attempt -> {
            try {
                return request.send().json();
            } catch (RetryableFailure failure) {
                if (failure.serverMayHaveActed()) {
                    throw new NetskopeApiException(Problem.UNAVAILABLE, failure.status(), what
                            + " may or may not have been applied (" + failure.getMessage() + "); not repeated", failure);
                }
                throw failure;
            }
        });
    }

    @FunctionalInterface
    private interface Request {
        TenantResponse send() throws RetryableFailure;
    }

    private static void checkUrlListSize(String name, List<String> urls) {
        long bytes = urls.stream().mapToLong(url -> url.getBytes(StandardCharsets.UTF_8).length + 1L).sum();
        if (bytes > URL_LIST_MAX_BYTES) {
            throw new ListTooLargeException("URL list " + name + " would hold " + bytes
                    + " bytes; the tenant accepts at most 7 MB per list");
        }
    }

    private static UrlList urlList(Object json) {
        if (!(json instanceof Map<?, ?> map) || !(map.get("id") instanceof Long id)) {
            throw new NetskopeApiException(Problem.REJECTED, 200, "unexpected URL list answer", null);
        }
        Map<?, ?> data = map.get("data") instanceof Map<?, ?> d ? d : Map.of();
        List<String> urls = data.get("urls") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        return new UrlList(id, String.valueOf(map.get("name")), String.valueOf(data.get("type")), urls,
                Long.valueOf(1).equals(map.get("pending")));
    }

    private static <T> List<List<T>> batches(List<T> items, int size) {
        List<List<T>> batches = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            batches.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return batches;
    }
}

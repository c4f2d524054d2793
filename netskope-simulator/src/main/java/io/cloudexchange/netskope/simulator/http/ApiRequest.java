package io.cloudexchange.netskope.simulator.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * A request as the endpoints see it.
 *
 * @param pathMatch the route pattern matched against the path (groups are path parameters)
 */
public record ApiRequest(String method, String path, Map<String, String> query, Map<String, List<String>> headers,
                         byte[] body, Matcher pathMatch) {

    public String query(String name) {
        return query.get(name);
    }

    public String header(String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty()) {
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    public String pathParameter(int group) {
        return pathMatch.group(group);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Parameters of an {@code application/x-www-form-urlencoded} body. */
    public Map<String, String> form() {
        return parseQuery(bodyText());
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            values.putIfAbsent(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return values;
    }
}

package io.cloudexchange.netskope.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A response before encoding: status, extra headers and a JSON body. */
public record ApiResponse(int status, Map<String, String> headers, byte[] body) {

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, new LinkedHashMap<>(), json.getBytes(StandardCharsets.UTF_8));
    }

    public static ApiResponse ok(String json) {
        return json(200, json);
    }

    /** A Netskope-style error body: {@code {"status":"error","message":...}}. */
    public static ApiResponse error(int status, String message) {
        StringBuilder json = new StringBuilder("{\"status\":\"error\",\"message\":");
        quote(json, message);
        return json(status, json.append('}').toString());
    }

    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, copy, body);
    }

    static void quote(StringBuilder out, String value) {
        out.append('"');
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}

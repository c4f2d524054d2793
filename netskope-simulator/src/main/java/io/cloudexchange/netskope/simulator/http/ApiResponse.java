package io.cloudexchange.netskope.simulator.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A response before encoding: status, extra headers and a JSON body, with its gzip encoding when
 * that was prepared ahead ({@code null}: compressed when sent to a client that accepts gzip). A body
 * prepared ahead may be held only gzipped ({@code body} null), and is then gunzipped for a client that
 * does not accept gzip.
 */
public record ApiResponse(int status, Map<String, String> headers, byte[] body, byte[] gzippedBody) {

    public static ApiResponse json(int status, String json) {
        return new ApiResponse(status, new LinkedHashMap<>(), json.getBytes(StandardCharsets.UTF_8), null);
    }

    public static ApiResponse ok(String json) {
        return json(200, json);
    }

    /** A 200 whose body was rendered and compressed ahead of the request. */
    public static ApiResponse ok(byte[] json, byte[] gzippedJson) {
        return new ApiResponse(200, new LinkedHashMap<>(), json, gzippedJson);
    }

    /** A 200 whose body was rendered and compressed ahead of the request, and kept compressed only. */
    public static ApiResponse okGzipped(byte[] gzippedJson) {
        return new ApiResponse(200, new LinkedHashMap<>(), null, gzippedJson);
    }

    /** The JSON body, not compressed. */
    public byte[] plainBody() {
        return body != null ? body : Gzip.decompress(gzippedBody);
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
        return new ApiResponse(status, copy, body, gzippedBody);
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

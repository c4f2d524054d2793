package io.cloudexchange.plugins.netskope.http;

import io.cloudexchange.plugins.netskope.json.JsonException;
import io.cloudexchange.plugins.netskope.json.JsonReader;
import java.util.Map;

/** A response with its body decoded (gunzipped) to text. */
public record TenantResponse(int status, String body) {

    /** The body as a JSON object; a body that is not one is broken (e.g. truncated on the way). */
    public Map<String, Object> jsonObject() throws RetryableFailure {
        try {
            return JsonReader.parseObject(body);
        } catch (JsonException e) {
            throw RetryableFailure.brokenBody(e.getMessage(), e);
        }
    }

    /** The body's JSON value; a body that is not JSON is broken. */
    public Object json() throws RetryableFailure {
        try {
            return JsonReader.parse(body);
        } catch (JsonException e) {
            throw RetryableFailure.brokenBody(e.getMessage(), e);
        }
    }
}

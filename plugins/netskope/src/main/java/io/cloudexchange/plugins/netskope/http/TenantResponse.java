package io.cloudexchange.plugins.netskope.http;

import io.cloudexchange.plugins.netskope.json.JsonException;
import io.cloudexchange.plugins.netskope.json.JsonReader;

/** A response with its body decoded (gunzipped) to text. */
public record TenantResponse(int status, String body) {

    /** The body's JSON value; a body that is not JSON is broken (e.g. truncated on the way). */
    public Object json() throws RetryableFailure {
        try {
            return JsonReader.parse(body);
        } catch (JsonException e) {
            throw RetryableFailure.brokenBody(e.getMessage(), e);
        }
    }
}

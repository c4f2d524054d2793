package io.cloudexchange.netskope.simulator.http;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads the v1 {@code token} that v1 endpoints take in a JSON or form body. */
final class V1Tokens {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private V1Tokens() {
    }

    static String of(ApiRequest request) {
        String body = request.bodyText().trim();
        if (body.startsWith("{")) {
            JsonNode token = JSON.readTree(body).get("token");
            return token == null ? null : token.asString();
        }
        String fromForm = request.form().get("token");
        return fromForm != null ? fromForm : request.query("token");
    }
}

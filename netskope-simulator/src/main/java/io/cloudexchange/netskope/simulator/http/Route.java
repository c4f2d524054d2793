package io.cloudexchange.netskope.simulator.http;

import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One endpoint.
 *
 * @param method HTTP method
 * @param path pattern of the whole path; groups become path parameters
 * @param auth which token the endpoint takes
 * @param scope the scope a v2 token needs, computed from the path (e.g. {@code /api/v2/policy/urllist})
 * @param handler produces the response
 */
public record Route(String method, Pattern path, Auth auth, Function<String, String> scope,
                    Function<ApiRequest, ApiResponse> handler) {

    /** How the caller authenticates. */
    public enum Auth {
        /** {@code Netskope-Api-Token} header (or {@code Authorization: Bearer}). */
        V2,
        /** A {@code token} field in the JSON or form body. */
        V1
    }

    public static Route v2(String method, String regex, String scope, Function<ApiRequest, ApiResponse> handler) {
        return new Route(method, Pattern.compile(regex), Auth.V2, path -> scope, handler);
    }

    public static Route v1(String method, String regex, Function<ApiRequest, ApiResponse> handler) {
        return new Route(method, Pattern.compile(regex), Auth.V1, path -> path, handler);
    }
}

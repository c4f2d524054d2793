package io.cloudexchange.core.sso;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A browser against the identity provider: follows redirects itself (keeping cookies), fills in the login
 * form, and stops at the first redirect to {@code redirectUri}, returning its query parameters.
 */
final class OpenIdProviderBrowser {

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();

    Map<String, String> signIn(String authorizationUri, String username, String password, String redirectUri)
            throws Exception {
        HttpResponse<String> response = get(URI.create(authorizationUri));
        URI current = URI.create(authorizationUri);
        for (int hop = 0; hop < 10; hop++) {
            if (response.statusCode() / 100 != 3) {
                throw new AssertionError("expected a redirect, got " + response.statusCode() + ": " + response.body());
            }
            URI location = current.resolve(response.headers().firstValue("Location").orElseThrow());
            if (location.toString().startsWith(redirectUri)) {
                return UriComponentsBuilder.fromUri(location).build().getQueryParams().toSingleValueMap();
            }
            current = location;
            response = location.getPath().equals("/login") ? postLogin(location, username, password) : get(location);
        }
        throw new AssertionError("too many redirects");
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postLogin(URI login, String username, String password) throws Exception {
        String form = Map.of("username", username, "password", password).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(login).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.cloudexchange.core.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Body of {@code PUT /api/settings/proxy}. An empty URL removes the proxy; an empty or missing
 * password keeps the stored one.
 */
public record ProxyRequest(String url, String username, String password) {

    static final int MAX_URL_LENGTH = 500;
    static final int MAX_USERNAME_LENGTH = 200;
    static final int MAX_PASSWORD_LENGTH = 500;

    public ProxyRequest {
        url = url == null ? "" : url.strip();
        username = username == null ? "" : username.strip();
    }

    boolean removesProxy() {
        return url.isEmpty();
    }

    boolean keepsPassword() {
        return password == null || password.isEmpty();
    }

    Map<String, String> problems() {
        Map<String, String> errors = new LinkedHashMap<>();
        urlProblem().ifPresent(problem -> errors.put("url", problem));
        if (username.length() > MAX_USERNAME_LENGTH) {
            errors.put("username", "must be at most " + MAX_USERNAME_LENGTH + " characters");
        }
        if (password != null && password.length() > MAX_PASSWORD_LENGTH) {
            errors.put("password", "must be at most " + MAX_PASSWORD_LENGTH + " characters");
        }
        return errors;
    }

    private Optional<String> urlProblem() {
        if (url.isEmpty()) {
            return Optional.empty();
        }
        if (url.length() > MAX_URL_LENGTH) {
            return Optional.of("must be at most " + MAX_URL_LENGTH + " characters");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URL like http://proxy.example.com:3128");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))) {
            return Optional.of("must start with http:// or https://");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return Optional.of("must name a host, e.g. http://proxy.example.com:3128");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("must not contain credentials; use username and password");
        }
        boolean hasPath = uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/");
        if (hasPath || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return Optional.of("must be only scheme, host and port");
        }
        return Optional.empty();
    }
}

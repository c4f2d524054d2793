package io.cloudexchange.gateway.support;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.net.ssl.SSLContext;

/** An HTTPS client for the gateway that keeps the session cookie like a browser and does not follow redirects. */
public final class GatewayClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern SESSION_COOKIE = Pattern.compile("CE_SESSION=([^;]+)");

    private final HttpClient httpClient;
    private final String baseUrl;
    private String sessionCookie;

    public GatewayClient(SSLContext sslContext, int port) {
        this.httpClient = HttpClient.newBuilder().sslContext(sslContext).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.baseUrl = "https://localhost:" + port;
    }

    public HttpRequest.Builder request(String pathAndQuery) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery));
        if (sessionCookie != null) {
            request.header("Cookie", "CE_SESSION=" + sessionCookie);
        }
        return request;
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = httpClient.send(request.build(), HttpResponse.BodyHandlers.ofString());
        response.headers().allValues("Set-Cookie").forEach(cookie -> {
            Matcher session = SESSION_COOKIE.matcher(cookie);
            if (session.find()) {
                sessionCookie = session.group(1);
            }
        });
        return response;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET());
    }

    public HttpResponse<String> postForm(String path, String... namesAndValues)
            throws IOException, InterruptedException {
        StringBuilder form = new StringBuilder();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            form.append(form.isEmpty() ? "" : "&").append(encode(namesAndValues[i])).append('=')
                    .append(encode(namesAndValues[i + 1]));
        }
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** Logs in through the login form; answers the redirect the gateway sent. */
    public HttpResponse<String> logIn(String username, String password) throws IOException, InterruptedException {
        String csrf = csrfToken(get("/login").body());
        return postForm("/login", "username", username, "password", password, "_csrf", csrf);
    }

    /** A CSRF token for this session, read from a page's form as a browser would. */
    public String csrfTokenFrom(String path) throws IOException, InterruptedException {
        return csrfToken(get(path).body());
    }

    public String sessionCookie() {
        return sessionCookie;
    }

    private static String csrfToken(String html) {
        Matcher matcher = CSRF_INPUT.matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("no CSRF token in page: " + html);
        }
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

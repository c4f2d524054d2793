package io.cloudexchange.gateway.proxy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.cloudexchange.gateway.core.CoreAuthentication;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Forwards {@code /api/**} to core-service: method, raw path and query, headers and a streamed body; copies back
 * status, headers and a streamed body. A logged-in browser session's token is added when the request brings no
 * {@code Authorization} header of its own.
 */
class ApiProxyServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ApiProxyServlet.class);

    private static final Duration RESPONSE_TIMEOUT = Duration.ofMinutes(10);

    /** Headers that describe one connection (RFC 9110 7.6.1) or that the client must set itself. */
    private static final Set<String> NOT_FORWARDED_REQUEST_HEADERS = Set.of("connection", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
            "upgrade", "host", "content-length", "expect", "cookie", "x-forwarded-for", "x-forwarded-proto",
            "x-forwarded-host", "forwarded");

    private static final Set<String> NOT_RETURNED_RESPONSE_HEADERS = Set.of("connection", "keep-alive",
            "proxy-authenticate", "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding",
            "upgrade", "content-length");

    private static final String CORE_UNAVAILABLE = """
            {"type":"about:blank","title":"Core service unavailable","status":502,\
            "detail":"The gateway could not reach core-service."}""";

    private final HttpClient httpClient;
    private final URI coreUrl;

    ApiProxyServlet(HttpClient httpClient, URI coreUrl) {
        this.httpClient = httpClient;
        this.coreUrl = coreUrl;
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        HttpResponse<InputStream> answer;
        try {
            answer = httpClient.send(toCoreRequest(request), BodyHandlers.ofInputStream());
        }
        catch (IOException ex) {
            log.warn("Core service unavailable for {} {}: {}", request.getMethod(), request.getRequestURI(),
                    ex.toString());
            writeCoreUnavailable(response);
            return;
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            writeCoreUnavailable(response);
            return;
        }
        copyToClient(answer, response);
    }

    private HttpRequest toCoreRequest(HttpServletRequest request) {
        String pathAndQuery = request.getRequestURI()
                + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        HttpRequest.Builder core = HttpRequest.newBuilder(coreUrl.resolve(pathAndQuery))
                .timeout(RESPONSE_TIMEOUT)
                .method(request.getMethod(), bodyOf(request));
        Set<String> connectionScoped = connectionScopedHeaders(request);
        for (String name : Collections.list(request.getHeaderNames())) {
            String lowerName = name.toLowerCase();
            if (!NOT_FORWARDED_REQUEST_HEADERS.contains(lowerName) && !connectionScoped.contains(lowerName)) {
                Collections.list(request.getHeaders(name)).forEach(value -> core.header(name, value));
            }
        }
        if (request.getHeader(HttpHeaders.AUTHORIZATION) == null
                && SecurityContextHolder.getContext().getAuthentication() instanceof CoreAuthentication login) {
            core.header(HttpHeaders.AUTHORIZATION, "Bearer " + login.accessToken());
        }
        // The gateway is the edge: what clients claim in X-Forwarded-* is replaced, not trusted.
        core.header("X-Forwarded-For", request.getRemoteAddr());
        core.header("X-Forwarded-Proto", request.getScheme());
        if (request.getHeader(HttpHeaders.HOST) != null) {
            core.header("X-Forwarded-Host", request.getHeader(HttpHeaders.HOST));
        }
        return core.build();
    }

    private static BodyPublisher bodyOf(HttpServletRequest request) {
        long length = request.getContentLengthLong();
        boolean chunked = request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        if (length == 0 || (length < 0 && !chunked)) {
            return BodyPublishers.noBody();
        }
        BodyPublisher stream = BodyPublishers.ofInputStream(() -> {
            try {
                return request.getInputStream();
            }
            catch (IOException ex) {
                throw new IllegalStateException("Cannot read the request body", ex);
            }
        });
        return length > 0 ? BodyPublishers.fromPublisher(stream, length) : stream;
    }

    private static Set<String> connectionScopedHeaders(HttpServletRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        if (connection == null) {
            return Set.of();
        }
        return Set.of(connection.toLowerCase().replace(" ", "").split(","));
    }

    private static void copyToClient(HttpResponse<InputStream> answer, HttpServletResponse response)
            throws IOException {
        response.setStatus(answer.statusCode());
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            if (!name.startsWith(":") && !NOT_RETURNED_RESPONSE_HEADERS.contains(name.toLowerCase())) {
                header.getValue().forEach(value -> response.addHeader(name, value));
            }
        }
        answer.headers().firstValueAsLong(HttpHeaders.CONTENT_LENGTH).ifPresent(response::setContentLengthLong);
        try (InputStream body = answer.body(); OutputStream out = response.getOutputStream()) {
            body.transferTo(out);
        }
    }

    private static void writeCoreUnavailable(HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_BAD_GATEWAY);
        response.setContentType("application/problem+json");
        response.getOutputStream().write(CORE_UNAVAILABLE.getBytes(StandardCharsets.UTF_8));
    }
}

package io.cloudexchange.gateway.core;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.cloudexchange.gateway.GatewayProperties;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls core-service's REST API (docs/api.md) on behalf of the logged-in browser user, whose bearer token comes
 * from the session. Error answers become {@link CoreException}, connection failures {@link CoreUnavailableException}.
 */
@Component
public class CoreClient {

    private final RestClient restClient;

    public CoreClient(GatewayProperties properties) {
        HttpClient httpClient = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        JdkClientHttpRequestFactory requestFactory = new JdkClientHttpRequestFactory(httpClient);
        requestFactory.setReadTimeout(Duration.ofMinutes(2));
        this.restClient = RestClient.builder()
                .baseUrl(properties.coreUrl().toString())
                .requestFactory(requestFactory)
                .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
                .configureMessageConverters(converters -> converters.withJsonConverter(
                        new JacksonJsonHttpMessageConverter(lenientJsonMapper())))
                .build();
    }

    /** Core may leave out fields it has no value for; they read as null, false or 0. */
    private static JsonMapper lenientJsonMapper() {
        return JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .build();
    }

    public LoginResult login(String username, String password) {
        return call(() -> restClient.post().uri("/api/auth/login")
                .headers(CoreClient::forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("username", username, "password", password))
                .retrieve()
                .body(LoginResult.class));
    }

    /** A sign-in call made for a browser that is not signed in yet: no bearer token, the browser's address. */
    public <T> T signInCall(String uri, Object body, Class<T> answerType) {
        return call(() -> restClient.post().uri(uri)
                .headers(CoreClient::forwardedFor)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .body(answerType));
    }

    public <T> T get(String uri, Class<T> type, Object... uriVariables) {
        return call(() -> restClient.get().uri(uri, uriVariables).headers(this::bearer).retrieve().body(type));
    }

    /** A document that is not JSON (e.g. SAML metadata), as text in whatever type core answers. */
    public String getDocument(String uri, MediaType accept) {
        return call(() -> restClient.get().uri(uri).headers(this::bearer).accept(accept).exchange((request, response) -> {
            if (response.getStatusCode().isError()) {
                throw new CoreException(response.getStatusCode().value(), new CoreProblem(
                        response.getStatusText(), response.getStatusCode().value(), null, null));
            }
            return new String(response.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }));
    }

    public <T> T get(String uri, ParameterizedTypeReference<T> type, Object... uriVariables) {
        return call(() -> restClient.get().uri(uri, uriVariables).headers(this::bearer).retrieve().body(type));
    }

    public <T> T get(String uri, ParameterizedTypeReference<T> type, Map<String, ?> uriVariables) {
        return call(() -> restClient.get().uri(uri, uriVariables).headers(this::bearer).retrieve().body(type));
    }

    public <T> T post(String uri, Object body, Class<T> answerType, Object... uriVariables) {
        return call(() -> restClient.post().uri(uri, uriVariables).headers(this::bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(answerType));
    }

    public void post(String uri, Object... uriVariables) {
        call(() -> restClient.post().uri(uri, uriVariables).headers(this::bearer).retrieve().toBodilessEntity());
    }

    public <T> T put(String uri, Object body, Class<T> answerType, Object... uriVariables) {
        return call(() -> restClient.put().uri(uri, uriVariables).headers(this::bearer)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(answerType));
    }

    public void delete(String uri, Object... uriVariables) {
        call(() -> restClient.delete().uri(uri, uriVariables).headers(this::bearer).retrieve().toBodilessEntity());
    }

    /** Sends a body as it came from the browser (e.g. a multipart upload) without reading it into memory. */
    public <T> T postStream(String uri, MediaType contentType, InputStream body, Class<T> answerType) {
        return call(() -> restClient.post().uri(uri).headers(this::bearer).contentType(contentType)
                .body(output -> body.transferTo(output)).retrieve().body(answerType));
    }

    private void bearer(HttpHeaders headers) {
        forwardedFor(headers);
        if (SecurityContextHolder.getContext().getAuthentication() instanceof CoreAuthentication login) {
            headers.setBearerAuth(login.accessToken());
        }
    }

    /**
     * Tells core the browser's address, as the API proxy does: core throttles failed sign-ins and records the audit
     * log's source address by it. The gateway is the edge, so it sends the peer it saw, never a client's own claim.
     */
    private static void forwardedFor(HttpHeaders headers) {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            headers.set("X-Forwarded-For", attributes.getRequest().getRemoteAddr());
        }
    }

    private static <T> T call(Supplier<T> request) {
        try {
            return request.get();
        }
        catch (RestClientResponseException ex) {
            throw new CoreException(ex.getStatusCode().value(), problemOf(ex));
        }
        catch (ResourceAccessException ex) {
            throw new CoreUnavailableException(ex);
        }
        catch (RestClientException ex) {
            throw new CoreException(502, new CoreProblem("Unexpected answer from the core service", 502,
                    "The core service sent an answer the gateway could not read.", null));
        }
    }

    private static CoreProblem problemOf(RestClientResponseException ex) {
        try {
            CoreProblem problem = ex.getResponseBodyAs(CoreProblem.class);
            if (problem != null) {
                return problem;
            }
        }
        catch (RuntimeException unreadableBody) {
            // Not problem+json: fall back to the HTTP status text below.
        }
        return new CoreProblem(ex.getStatusText(), ex.getStatusCode().value(), null, null);
    }
}

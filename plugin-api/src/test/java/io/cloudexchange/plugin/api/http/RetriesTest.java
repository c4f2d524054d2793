package io.cloudexchange.plugin.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against a real local HTTP server answering a scripted sequence of statuses. */
class RetriesTest {

    private record Answer(int status, String retryAfter) {
    }

    private final Deque<Answer> script = new ArrayDeque<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private HttpServer server;
    private int requests;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests++;
            Answer answer = script.isEmpty() ? new Answer(200, null) : script.poll();
            if (answer.retryAfter() != null) {
                exchange.getResponseHeaders().add("Retry-After", answer.retryAfter());
            }
            byte[] body = ("status " + answer.status()).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpResponse<String> send(int maxAttempts) throws Retries.Unavailable {
        Retries retries = new Retries(HttpClient.newHttpClient(), maxAttempts, sleeps::add);
        URI uri = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/feed");
        return retries.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString(), "The feed");
    }

    @Test
    void throttlingAndServerErrorsAreRetriedWithGrowingBackoffUntilAnAnswer() throws Exception {
        script.add(new Answer(503, null));
        script.add(new Answer(429, null));
        script.add(new Answer(500, null));

        HttpResponse<String> response = send(5);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(requests).isEqualTo(4);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    }

    @Test
    void otherRefusalsAreReturnedAtOnceForTheCallerToJudge() throws Exception {
        script.add(new Answer(404, null));

        assertThat(send(5).statusCode()).isEqualTo(404);
        assertThat(requests).isEqualTo(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void aShortRetryAfterReplacesTheBackoffAndALongOneEndsTheRun() {
        script.add(new Answer(429, "20"));
        script.add(new Answer(429, "3600"));

        assertThatThrownBy(() -> send(5)).isInstanceOf(Retries.Unavailable.class)
                .hasMessage("The feed asks to wait 3600 s (HTTP 429); the next run tries again");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(20));
    }

    @Test
    void theLastFailedAttemptSaysWhatFailedAndHowOften() {
        for (int i = 0; i < 3; i++) {
            script.add(new Answer(502, null));
        }

        assertThatThrownBy(() -> send(3)).isInstanceOf(Retries.Unavailable.class)
                .hasMessage("Cannot reach 127.0.0.1/feed after 3 attempts: HTTP 502");
        assertThat(requests).isEqualTo(3);
    }

    @Test
    void networkErrorsAreRetriedToo() {
        server.stop(0);

        assertThatThrownBy(() -> send(2)).isInstanceOf(Retries.Unavailable.class)
                .hasMessageContaining("after 2 attempts: ConnectException");
        assertThat(sleeps).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    void backoffIsCappedAtThirtySeconds() {
        assertThat(Retries.backoff(5)).isEqualTo(Duration.ofSeconds(16));
        assertThat(Retries.backoff(6)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Retries.backoff(60)).isEqualTo(Duration.ofSeconds(30));
    }
}

package io.cloudexchange.core.logging;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.cloudexchange.core.api.ApiTestSupport;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class LogApiTest extends ApiTestSupport {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Autowired
    private PlatformLogRepository entries;

    @BeforeEach
    void someEntries() {
        entries.deleteAll();
        entries.save(new PlatformLogEntry(null, T0, LogLevel.INFO, "platform", null, "Started (version 1.0)", null));
        entries.save(new PlatformLogEntry(null, T0.plusSeconds(60), LogLevel.WARN, "configuration:a", "CE-2001",
                "Slow feed", null));
        entries.save(new PlatformLogEntry(null, T0.plusSeconds(120), LogLevel.ERROR, "configuration:a", "CE-1001",
                "Pull failed: HTTP 500", "details"));
        entries.save(new PlatformLogEntry(null, T0.plusSeconds(180), LogLevel.ERROR, "configuration:b", "CE-1001",
                "Pull failed: timeout", null));
    }

    @Test
    void requiresToken() throws Exception {
        mvc.perform(get("/api/logs")).andExpect(status().isUnauthorized());
    }

    @Test
    void pagesNewestFirst() throws Exception {
        mvc.perform(asAdmin(get("/api/logs").param("size", "2").param("page", "0")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(4))
                .andExpect(jsonPath("$.page").value(0))
                .andExpect(jsonPath("$.size").value(2))
                .andExpect(jsonPath("$.items.length()").value(2))
                .andExpect(jsonPath("$.items[0].message").value("Pull failed: timeout"))
                .andExpect(jsonPath("$.items[0].createdAt").value("2026-01-01T00:03:00Z"))
                .andExpect(jsonPath("$.items[1].details").value("details"));
        mvc.perform(asAdmin(get("/api/logs").param("size", "2").param("page", "1")))
                .andExpect(jsonPath("$.items[1].message").value("Started (version 1.0)"));
    }

    @Test
    void filtersCombine() throws Exception {
        mvc.perform(asAdmin(get("/api/logs").param("level", "WARN")))
                .andExpect(jsonPath("$.total").value(3));
        mvc.perform(asAdmin(get("/api/logs").param("errorCode", "CE-1001").param("source", "configuration:a")))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].message").value("Pull failed: HTTP 500"));
        mvc.perform(asAdmin(get("/api/logs").param("from", "2026-01-01T00:01:00Z").param("to", "2026-01-01T00:03:00Z")))
                .andExpect(jsonPath("$.total").value(2));
        mvc.perform(asAdmin(get("/api/logs").param("q", "PULL FAILED")))
                .andExpect(jsonPath("$.total").value(2));
    }

    @Test
    void textIsMatchedLiterallyNotAsRegex() throws Exception {
        mvc.perform(asAdmin(get("/api/logs").param("q", "(version 1.0)")))
                .andExpect(jsonPath("$.total").value(1));
        mvc.perform(asAdmin(get("/api/logs").param("q", ".*")))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badParametersAreFieldErrors() throws Exception {
        mvc.perform(asAdmin(get("/api/logs").param("size", "501")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.size").value("must be between 1 and 500"));
        mvc.perform(asAdmin(get("/api/logs").param("level", "LOUD")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.level").exists());
        mvc.perform(asAdmin(get("/api/logs").param("from", "yesterday")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors.from").exists());
    }
}

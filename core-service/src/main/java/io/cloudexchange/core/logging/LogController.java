package io.cloudexchange.core.logging;

import io.cloudexchange.core.api.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/logs")
@Tag(name = "Logging", description = "The platform log, newest first")
class LogController {

    static final int MAX_PAGE_SIZE = 500;

    private final LogSearch search;

    LogController(LogSearch search) {
        this.search = search;
    }

    @GetMapping
    @Operation(summary = "Search the platform log",
            description = "level is a minimum (WARN returns WARN and ERROR); q matches message text literally, case-insensitive; from is inclusive, to exclusive.")
    PageResponse<PlatformLogEntry> search(
            @RequestParam(required = false) LogLevel level,
            @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String errorCode,
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String source,
            @RequestParam(required = false) @Size(max = 200, message = "must be at most 200 characters") String q,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be between 1 and " + MAX_PAGE_SIZE)
            @Max(value = MAX_PAGE_SIZE, message = "must be between 1 and " + MAX_PAGE_SIZE) int size) {
        return search.search(new LogSearch.Filter(level, errorCode, source, q, from, to), page, size);
    }
}

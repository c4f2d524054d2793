package io.cloudexchange.core.audit;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.PageResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
@Validated
@Tag(name = "Audit log", description = "Who changed what, when and from where (super admin and admin)")
class AuditController {

    static final int MAX_PAGE_SIZE = 500;

    private final AuditSearch search;
    private final AuditExport export;

    AuditController(AuditSearch search, AuditExport export) {
        this.search = search;
        this.export = export;
    }

    @GetMapping
    @Operation(summary = "Search the audit log, newest first", description = "from is inclusive, to exclusive.")
    PageResponse<AuditEntry> search(
            @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String actor,
            @RequestParam(required = false) AuditAction action,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "must be 0 or more") int page,
            @RequestParam(defaultValue = "50") @Min(value = 1, message = "must be between 1 and " + MAX_PAGE_SIZE)
            @Max(value = MAX_PAGE_SIZE, message = "must be between 1 and " + MAX_PAGE_SIZE) int size) {
        return search.page(new AuditSearch.Filter(actor, action, from, to), page, size);
    }

    @GetMapping("/export")
    @Operation(summary = "Download the matching audit entries (all of them) as CSV or JSON")
    void export(@RequestParam(defaultValue = "csv") String format,
                @RequestParam(required = false) @Size(max = 100, message = "must be at most 100 characters") String actor,
                @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
                HttpServletResponse response) throws IOException {
        AuditExportFormat chosen = parse(format);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(chosen == AuditExportFormat.CSV ? "text/csv" : MediaType.APPLICATION_JSON_VALUE);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"audit-log." + chosen.name().toLowerCase(Locale.ROOT) + "\"");
        export.write(new AuditSearch.Filter(actor, action, from, to), chosen, response.getWriter());
    }

    private static AuditExportFormat parse(String format) {
        try {
            return AuditExportFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("format", "must be csv or json");
        }
    }
}

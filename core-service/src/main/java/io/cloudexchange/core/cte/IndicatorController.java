package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.core.api.PageResponse;
import io.cloudexchange.core.audit.AuditAction;
import io.cloudexchange.core.audit.AuditChanges;
import io.cloudexchange.core.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

@RestController
@RequestMapping("/api/cte/indicators")
@Tag(name = "Threat Exchange", description = "Indicators, tags, business rules and sharing")
class IndicatorController {

    static final String AUDIT_TARGET = "indicators";

    /** Tags to add or remove, on indicators chosen by ids or by query. */
    record TagRequest(List<String> ids, String q, List<String> tags) {
        Selection selection() {
            return new Selection(ids, q);
        }

        List<String> checkedTags() {
            if (tags == null || tags.isEmpty() || tags.stream().anyMatch(t -> t == null || t.isBlank())) {
                throw InvalidRequestException.field("tags", "list one or more non-empty tag names");
            }
            return tags.stream().map(String::strip).toList();
        }
    }

    record PostedIndicators(String source, List<Map<String, Object>> indicators) {
    }

    record Count(long count) {
    }

    private final IndicatorService indicators;
    private final IndicatorExport export;
    private final ApiSource apiSource;
    private final AuditLog audit;

    IndicatorController(IndicatorService indicators, IndicatorExport export, ApiSource apiSource, AuditLog audit) {
        this.indicators = indicators;
        this.export = export;
        this.apiSource = apiSource;
        this.audit = audit;
    }

    @GetMapping
    @Operation(summary = "Indicators matching a query", description = "q: the query language (docs/api.md); "
            + "sort: field,asc|desc (lastSeen, firstSeen, severity, reputation, value, type, expiresAt, updatedAt)")
    PageResponse<IndicatorView> list(@RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") @Min(0) int page,
                                     @RequestParam(defaultValue = "50") @Min(1) @Max(IndicatorService.MAX_PAGE_SIZE) int size,
                                     @RequestParam(required = false) String sort) {
        return indicators.page(q, page, size, sort);
    }

    @PostMapping
    @Operation(summary = "API source: store indicators posted by a script",
            description = "Valid items are stored under source configuration api:<source>; invalid ones are listed "
                    + "in 'rejected' by indicators[i].field. 400 when none is valid.")
    ApiSource.Accepted post(@RequestBody PostedIndicators body) {
        ApiSource.Accepted accepted = apiSource.accept(body.source(), body.indicators());
        audit.record(AuditAction.CREATE, AUDIT_TARGET, accepted.source(), AuditChanges.of()
                .field("stored", null, accepted.stored()).field("rejected", null, accepted.rejected().size()));
        return accepted;
    }

    @PostMapping("/tag")
    @Operation(summary = "Add tags to indicators chosen by ids or by query")
    Count tag(@RequestBody TagRequest request) {
        List<String> tags = request.checkedTags();
        long modified = indicators.tag(request.selection(), tags);
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, describe(request.selection()),
                AuditChanges.of().field("tags", null, "+" + tags).field("modified", null, modified));
        return new Count(modified);
    }

    @PostMapping("/untag")
    @Operation(summary = "Remove tags from indicators chosen by ids or by query")
    Count untag(@RequestBody TagRequest request) {
        List<String> tags = request.checkedTags();
        long modified = indicators.untag(request.selection(), tags);
        audit.record(AuditAction.UPDATE, AUDIT_TARGET, describe(request.selection()),
                AuditChanges.of().field("tags", null, "-" + tags).field("modified", null, modified));
        return new Count(modified);
    }

    @PostMapping("/delete")
    @Operation(summary = "Delete indicators chosen by ids or by query")
    Count delete(@RequestBody Selection selection) {
        long deleted = indicators.delete(selection);
        audit.record(AuditAction.DELETE, AUDIT_TARGET, describe(selection),
                AuditChanges.of().field("deleted", null, deleted));
        return new Count(deleted);
    }

    @GetMapping("/export")
    @Operation(summary = "Export matching indicators as CSV or JSON, streamed")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String q,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(defaultValue = "csv") String format) {
        IndicatorExport.Format chosen;
        try {
            chosen = IndicatorExport.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.field("format", "csv or json");
        }
        IndicatorService.sortOf(sort);
        indicators.checkQuery(q);
        StreamingResponseBody body = out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            export.write(q, sort, chosen, writer);
        };
        String extension = chosen.name().toLowerCase(Locale.ROOT);
        return ResponseEntity.ok()
                .contentType(chosen == IndicatorExport.Format.CSV ? new MediaType("text", "csv", StandardCharsets.UTF_8)
                        : MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"indicators." + extension + "\"")
                .body(body);
    }

    private static String describe(Selection selection) {
        return selection.ids() != null ? selection.ids().size() + " selected" : "query: " + selection.q();
    }
}

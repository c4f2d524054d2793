package io.cloudexchange.core.cte.lists;

import io.cloudexchange.core.cte.BusinessRules;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.bson.Document;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * External dynamic lists: active indicators as plain text, one value per line, for firewalls and
 * proxies. The ETag is a digest of the content, so a poll of an unchanged list answers 304 without
 * sending it. The indicators are read once, a page at a time, into a {@link ListBody} (memory, or temporary files for
 * a large list, whose parts are read two at a time), so memory stays flat whatever the size.
 */
@RestController
@RequestMapping("/api/edl")
class EdlController {

    static final String TEXT = "text/plain;charset=UTF-8";
    private static final Document VALUE_ONLY = new Document("value", 1);
    /** Lists up to this size are prepared in memory, larger ones in a temporary file (a million URLs: ~40 MB). */
    private static final int IN_MEMORY_UP_TO = 4 * 1024 * 1024;
    /** Indicators per part of a large list, the parts read two at a time (a list of fewer is read in one). */
    private static final long RANGE_SIZE = 250_000;

    /** Set on a muted rule's list, which is served empty: a muted rule shares nothing. */
    static final String RULE_MUTED = "X-CE-Rule-Muted";
    private static final Document NOTHING = new Document("_id", new Document("$in", List.of()));

    private final ServedIndicators indicators;
    private final BusinessRules rules;

    EdlController(ServedIndicators indicators, BusinessRules rules) {
        this.indicators = indicators;
        this.rules = rules;
    }

    /** Every active indicator of one type: {@code /api/edl/indicators/url}. */
    @GetMapping("/indicators/{type}")
    void ofType(@PathVariable String type, @RequestParam(required = false) String q, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        serve(ServedIndicators.type(type), q, request, response);
    }

    /** Every active indicator, optionally filtered: {@code /api/edl/indicators?q=severity >= "high"}. */
    @GetMapping("/indicators")
    void all(@RequestParam(required = false) String q, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(null, q, request, response);
    }

    /**
     * What a business rule shares: active, unretracted indicators matching its filter minus its exceptions,
     * optionally of one type ({@code /api/edl/rules/{id}/url} or {@code ?type=url}). A muted rule's list is
     * empty, with {@value #RULE_MUTED}{@code : true}, so the enforcement point drops what the rule used to list.
     */
    @GetMapping({"/rules/{id}", "/rules/{id}/{type}"})
    void ofRule(@PathVariable String id, @PathVariable(required = false) String type,
                @RequestParam(name = "type", required = false) String typeParameter, HttpServletRequest request,
                HttpServletResponse response) throws IOException {
        String typeName = type != null ? type : typeParameter;
        IndicatorType indicatorType = typeName == null || typeName.isBlank() ? null : ServedIndicators.type(typeName);
        BusinessRules.RuleSelection selection = rules.selection(id, indicatorType == null ? null : indicatorType.name());
        if (selection.muted()) {
            response.setHeader(RULE_MUTED, "true");
        }
        serve(selection.muted() ? NOTHING : selection.filter(), request, response);
    }

    private void serve(IndicatorType type, String q, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        serve(indicators.filter(type, q), request, response);
    }

    private void serve(Document filter, HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<ServedIndicators.IdRange> ranges = indicators.ranges(RANGE_SIZE);
        try (ListBody list = ListBody.read(ranges, IN_MEMORY_UP_TO, (range, out) ->
                indicators.forEachById(filter, VALUE_ONLY, range, 0, ListedValue.CODEC, ListedValue::id, listed -> {
                    try {
                        out.write(line(listed));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }))) {
            String etag = list.etag();
            response.setHeader(HttpHeaders.ETAG, etag);
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            response.setContentType(TEXT);
            if (matches(request.getHeader(HttpHeaders.IF_NONE_MATCH), etag)) {
                response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                return;
            }
            response.setContentLengthLong(list.size());
            if (!"HEAD".equals(request.getMethod())) {
                list.copyTo(response.getOutputStream());
            }
        }
    }

    private static String line(ListedValue listed) {
        String text = listed.value() == null ? "" : listed.value();
        return text.replace('\n', ' ').replace('\r', ' ') + "\n";
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

}

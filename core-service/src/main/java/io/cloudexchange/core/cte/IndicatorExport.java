package io.cloudexchange.core.cte;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes matching indicators as CSV (RFC 4180) or a JSON array, one at a time from a cursor. */
@Component
class IndicatorExport {

    enum Format { CSV, JSON }

    static final String CSV_HEADER = "type,value,severity,reputation,active,retracted,firstSeen,lastSeen,expiresAt,"
            + "tags,sources,comments";

    private final IndicatorService indicators;
    private final JsonMapper json;

    IndicatorExport(IndicatorService indicators, JsonMapper json) {
        this.indicators = indicators;
        this.json = json;
    }

    void write(String q, String sort, Format format, Writer out) throws IOException {
        try {
            if (format == Format.CSV) {
                out.write(CSV_HEADER + "\r\n");
                indicators.each(q, sort, indicator -> append(out, csvLine(indicator)));
            } else {
                out.write("[");
                boolean[] first = {true};
                indicators.each(q, sort, indicator -> {
                    append(out, (first[0] ? "\n" : ",\n") + json.writeValueAsString(IndicatorView.of(indicator)));
                    first[0] = false;
                });
                out.write("\n]\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static String csvLine(StoredIndicator indicator) {
        return Stream.of(indicator.type(), indicator.value(), indicator.severity(), indicator.reputation(),
                        indicator.active(), indicator.retracted(), indicator.firstSeen(), indicator.lastSeen(),
                        indicator.expiresAt(), String.join(";", indicator.tags()),
                        String.join(";", indicator.sources().values().stream()
                                .map(StoredIndicator.Source::configurationId).sorted().toList()),
                        indicator.comments())
                .map(value -> csvCell(value == null ? "" : Objects.toString(value)))
                .collect(Collectors.joining(",")) + "\r\n";
    }

    /** Quotes cells that need it, and defuses leading formula characters for spreadsheet users. */
    static String csvCell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r");
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    private static void append(Writer out, String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

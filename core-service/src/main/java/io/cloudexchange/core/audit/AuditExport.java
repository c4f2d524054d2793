package io.cloudexchange.core.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Writes audit entries as CSV (RFC 4180, one change list per cell) or as a JSON array, one entry at a time. */
@Component
class AuditExport {

    static final String CSV_HEADER = "at,actor,actorType,clientId,sourceAddress,action,targetType,targetId,status,changes";

    private final AuditSearch search;
    private final JsonMapper json;

    AuditExport(AuditSearch search, JsonMapper json) {
        this.search = search;
        this.json = json;
    }

    void write(AuditSearch.Filter filter, AuditExportFormat format, Writer out) throws IOException {
        try {
            if (format == AuditExportFormat.CSV) {
                out.write(CSV_HEADER + "\r\n");
                search.each(filter, entry -> append(out, csvLine(entry)));
            } else {
                out.write("[");
                boolean[] first = {true};
                search.each(filter, entry -> {
                    append(out, (first[0] ? "\n" : ",\n") + json.writeValueAsString(entry));
                    first[0] = false;
                });
                out.write("\n]\n");
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private String csvLine(AuditEntry entry) {
        String changes = entry.changes().stream()
                .map(change -> change.field() + ": " + change.before() + " -> " + change.after())
                .collect(Collectors.joining("; "));
        return Stream.of(entry.at(), entry.actor(), entry.actorType(), entry.clientId(), entry.sourceAddress(),
                        entry.action(), entry.targetType(), entry.targetId(), entry.status(), changes)
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

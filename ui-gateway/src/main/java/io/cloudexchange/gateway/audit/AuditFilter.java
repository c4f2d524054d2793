package io.cloudexchange.gateway.audit;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The audit page's filters as typed: dates are whole days in UTC, so "to" includes its day (core's {@code to} is
 * exclusive).
 */
record AuditFilter(String actor, String action, String fromDate, String toDate) {

    AuditFilter {
        actor = actor.strip();
    }

    /** Core's query parameters; a date that is not yyyy-mm-dd is left out ({@link #invalidDate()} tells). */
    Map<String, Object> query() {
        Map<String, Object> query = new LinkedHashMap<>();
        putIfPresent(query, "actor", actor);
        putIfPresent(query, "action", action);
        LocalDate from = day(fromDate);
        LocalDate to = day(toDate);
        if (from != null) {
            query.put("from", from.atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        }
        if (to != null) {
            query.put("to", to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC).toString());
        }
        return query;
    }

    boolean invalidDate() {
        return (!fromDate.isBlank() && day(fromDate) == null) || (!toDate.isBlank() && day(toDate) == null);
    }

    private static LocalDate day(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        }
        catch (DateTimeParseException ex) {
            return null;
        }
    }

    private static void putIfPresent(Map<String, Object> query, String name, String value) {
        if (!value.isEmpty()) {
            query.put(name, value);
        }
    }
}

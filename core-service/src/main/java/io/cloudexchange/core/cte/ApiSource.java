package io.cloudexchange.core.cte;

import io.cloudexchange.core.api.InvalidRequestException;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.IndicatorType;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The "API source": indicators external scripts post to {@code POST /api/cte/indicators}. Each item is checked
 * field by field; valid ones are stored under the source configuration id {@code api:<source>} and the invalid
 * ones are reported by index and field. A request where no item is valid is refused as a whole (400).
 */
@Component
class ApiSource {

    static final int MAX_ITEMS = 10_000;
    static final String PLUGIN_ID = "api";
    private static final Pattern SOURCE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    /** What was stored and what was refused, per item index and field. */
    record Accepted(String source, int received, int stored, Map<String, String> rejected) {
    }

    private final IndicatorWriter writer;
    private final Clock clock;

    ApiSource(IndicatorWriter writer, Clock clock) {
        this.writer = writer;
        this.clock = clock;
    }

    Accepted accept(String source, List<Map<String, Object>> items) {
        String name = source == null || source.isBlank() ? "default" : source.strip();
        if (!SOURCE_NAME.matcher(name).matches()) {
            throw InvalidRequestException.field("source", "1 to 64 letters, digits, '_', '.' or '-'");
        }
        if (items == null || items.isEmpty() || items.size() > MAX_ITEMS) {
            throw InvalidRequestException.field("indicators", "must hold 1 to " + MAX_ITEMS + " indicators");
        }
        Map<String, String> rejected = new LinkedHashMap<>();
        List<Indicator> valid = new ArrayList<>();
        List<Integer> validIndex = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, String> problems = new LinkedHashMap<>();
            Indicator indicator = parse(items.get(i), "indicators[" + i + "].", problems);
            if (indicator == null) {
                rejected.putAll(problems);
            } else {
                valid.add(indicator);
                validIndex.add(i);
            }
        }
        String configurationId = PLUGIN_ID + ":" + name;
        IndicatorWriter.Outcome outcome = valid.isEmpty() ? new IndicatorWriter.Outcome(0, List.of())
                : writer.write(new IndicatorWriter.Report(configurationId, PLUGIN_ID, UUID.randomUUID().toString(),
                        clock.instant(), valid));
        for (RejectedItem item : outcome.rejected()) {
            for (int j = 0; j < valid.size(); j++) {
                Indicator indicator = valid.get(j);
                if (item.value().equals(indicator.type() + " " + indicator.value())) {
                    rejected.putIfAbsent("indicators[" + validIndex.get(j) + "].value", item.reason());
                }
            }
        }
        if (outcome.stored() == 0) {
            throw new InvalidRequestException(rejected, "no indicator was valid");
        }
        return new Accepted(configurationId, items.size(), outcome.stored(), rejected);
    }

    private static Indicator parse(Map<String, Object> item, String prefix, Map<String, String> problems) {
        if (item == null) {
            problems.put(prefix + "value", "the item is empty");
            return null;
        }
        String value = item.get("value") instanceof String text && !text.isBlank() ? text : null;
        if (value == null) {
            problems.put(prefix + "value", "required, a non-empty string");
        }
        IndicatorType type = enumOf(IndicatorType.class, item.get("type"), prefix + "type", true, problems);
        Severity severity = enumOf(Severity.class, item.get("severity"), prefix + "severity", false, problems);
        int reputation = 5;
        Object rawReputation = item.get("reputation");
        if (rawReputation != null) {
            if (rawReputation instanceof Integer number && number >= 1 && number <= 10) {
                reputation = number;
            } else {
                problems.put(prefix + "reputation", "an integer from 1 (malicious) to 10 (good)");
            }
        }
        List<String> tags = List.of();
        Object rawTags = item.get("tags");
        if (rawTags != null) {
            if (rawTags instanceof List<?> list && list.stream().allMatch(t -> t instanceof String s && !s.isBlank())) {
                tags = list.stream().map(t -> ((String) t).strip()).toList();
            } else {
                problems.put(prefix + "tags", "a list of non-empty strings");
            }
        }
        Instant firstSeen = instant(item.get("firstSeen"), prefix + "firstSeen", problems);
        Instant lastSeen = instant(item.get("lastSeen"), prefix + "lastSeen", problems);
        Instant expiresAt = instant(item.get("expiresAt"), prefix + "expiresAt", problems);
        Object comments = item.get("comments");
        if (comments != null && !(comments instanceof String)) {
            problems.put(prefix + "comments", "a string");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Indicator(value, type, severity, reputation, tags, firstSeen, lastSeen, expiresAt,
                (String) comments, null);
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, Object raw, String field, boolean required,
                                                Map<String, String> problems) {
        if (raw == null && !required) {
            return null;
        }
        if (raw instanceof String text) {
            try {
                return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        problems.put(field, (required ? "required, one of " : "one of ") + List.of(type.getEnumConstants()));
        return null;
    }

    private static Instant instant(Object raw, String field, Map<String, String> problems) {
        if (raw == null) {
            return null;
        }
        try {
            return Instant.parse(String.valueOf(raw));
        } catch (DateTimeParseException e) {
            problems.put(field, "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
            return null;
        }
    }
}

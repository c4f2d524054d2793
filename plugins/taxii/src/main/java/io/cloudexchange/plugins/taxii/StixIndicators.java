package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.api.json.Json;
import io.cloudexchange.plugin.api.RejectedItem;
import io.cloudexchange.plugin.api.cte.Indicator;
import io.cloudexchange.plugin.api.cte.Severity;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns STIX 2.1 indicator objects into indicators: one per value of the pattern. {@code valid_from}
 * becomes first seen, {@code modified} last seen, {@code valid_until} the expiry; {@code labels},
 * {@code indicator_types} and TLP markings become tags; {@code confidence} (0–100) becomes the
 * reputation (100 → 1, 0 → 10); name and description the comments. Revoked indicators are collected
 * apart, for retraction.
 */
final class StixIndicators {

    private static final Map<String, String> TLP = Map.of(
            "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "tlp:white",
            "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "tlp:green",
            "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "tlp:amber",
            "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "tlp:red");

    final List<Indicator> indicators = new ArrayList<>();
    final List<Indicator> revoked = new ArrayList<>();
    final List<RejectedItem> rejected = new ArrayList<>();

    void add(Object object) {
        Map<String, Object> stix = Json.object(object);
        if (!"indicator".equals(stix.get("type"))) {
            return;
        }
        String id = String.valueOf(stix.get("id"));
        Object patternType = stix.get("pattern_type");
        if (patternType != null && !"stix".equals(patternType)) {
            rejected.add(new RejectedItem(id, "pattern type " + patternType + " is not supported"));
            return;
        }
        StixPatterns.Parsed parsed = StixPatterns.parse(Json.text(stix.get("pattern")));
        if (!parsed.ok()) {
            rejected.add(new RejectedItem(id + " " + stix.get("pattern"), parsed.problem()));
            return;
        }
        List<String> tags = new ArrayList<>();
        Json.array(stix.get("labels")).forEach(label -> tags.add(String.valueOf(label)));
        Json.array(stix.get("indicator_types")).forEach(kind -> tags.add(String.valueOf(kind)));
        Json.array(stix.get("object_marking_refs")).stream().map(TLP::get).filter(t -> t != null).forEach(tags::add);
        String comments = String.join(": ", java.util.stream.Stream.of(Json.text(stix.get("name")),
                Json.text(stix.get("description"))).filter(t -> t != null && !t.isBlank()).toList());
        for (StixPatterns.Observable observable : parsed.observables()) {
            Indicator indicator = new Indicator(observable.value(), observable.type(), Severity.UNKNOWN,
                    reputation(stix.get("confidence")), tags.stream().distinct().toList(), time(stix.get("valid_from")),
                    time(stix.get("modified")), time(stix.get("valid_until")), comments, reference(stix));
            (Boolean.TRUE.equals(stix.get("revoked")) ? revoked : indicators).add(indicator);
        }
    }

    private static int reputation(Object confidence) {
        if (!(confidence instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 100) {
            return 5;
        }
        return (int) Math.round(10 - number.doubleValue() * 9 / 100);
    }

    private static String reference(Map<String, Object> stix) {
        for (Object reference : Json.array(stix.get("external_references"))) {
            String url = Json.text(Json.object(reference).get("url"));
            if (url != null && (url.startsWith("https://") || url.startsWith("http://"))) {
                return url;
            }
        }
        return null;
    }

    static Instant time(Object value) {
        if (!(value instanceof String text)) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

package io.cloudexchange.plugins.taxii;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the observable values of a STIX 2.1 pattern made of equality comparisons combined with
 * {@code OR}, within or between observation expressions: {@code [url:value = 'http://x/']},
 * {@code [domain-name:value = 'a.example' OR domain-name:value = 'b.example']},
 * {@code [ipv4-addr:value = '203.0.113.1'] OR [file:hashes.'SHA-256' = '...']}. Any other operator,
 * {@code AND}, qualifiers or object paths make the pattern unsupported: such a pattern does not name
 * one value per indicator.
 */
final class StixPatterns {

    /** One value of a pattern. */
    record Observable(IndicatorType type, String value) {
    }

    /** The values, or why the pattern was refused. */
    record Parsed(List<Observable> observables, String problem) {
        boolean ok() {
            return problem == null;
        }
    }

    private static final Pattern COMPARISON = Pattern.compile(
            "([a-z0-9-]+):([A-Za-z0-9_.'-]+)\\s*=\\s*'((?:[^'\\\\]|\\\\.)*)'");
    private static final Pattern CONNECTIVES = Pattern.compile("[\\s\\[\\]()]*|([\\s\\[\\]()]*\\bOR\\b[\\s\\[\\]()]*)*");
    private static final Pattern HASH = Pattern.compile("hashes\\.'?([A-Za-z0-9-]+)'?");

    private StixPatterns() {
    }

    static Parsed parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return new Parsed(List.of(), "no pattern");
        }
        Matcher matcher = COMPARISON.matcher(pattern);
        List<Observable> observables = new ArrayList<>();
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (matcher.find()) {
            rest.append(pattern, last, matcher.start()).append(' ');
            last = matcher.end();
            String value = matcher.group(3).replace("\\'", "'").replace("\\\\", "\\");
            IndicatorType type = type(matcher.group(1), matcher.group(2), value);
            if (type == null) {
                return new Parsed(List.of(), "unsupported comparison " + matcher.group(1) + ":" + matcher.group(2));
            }
            observables.add(new Observable(type, normalise(type, value)));
        }
        rest.append(pattern.substring(last));
        if (observables.isEmpty()) {
            return new Parsed(List.of(), "no equality comparison of a URL, domain, IP address or file hash");
        }
        if (!CONNECTIVES.matcher(rest.toString().replaceAll("\\s+", " ")).matches()) {
            return new Parsed(List.of(), "only comparisons with '=' combined with OR are supported");
        }
        return new Parsed(observables, null);
    }

    private static IndicatorType type(String object, String path, String value) {
        switch (object) {
            case "url" -> {
                return "value".equals(path) ? IndicatorType.URL : null;
            }
            case "domain-name" -> {
                return "value".equals(path) ? IndicatorType.DOMAIN : null;
            }
            case "ipv4-addr" -> {
                return "value".equals(path) && (!value.contains("/") || value.endsWith("/32")) ? IndicatorType.IPV4 : null;
            }
            case "ipv6-addr" -> {
                return "value".equals(path) && (!value.contains("/") || value.endsWith("/128")) ? IndicatorType.IPV6 : null;
            }
            case "file" -> {
                Matcher hash = HASH.matcher(path);
                if (!hash.matches()) {
                    return null;
                }
                String algorithm = hash.group(1).toUpperCase(Locale.ROOT).replace("-", "");
                return algorithm.equals("SHA256") ? IndicatorType.SHA256 : algorithm.equals("MD5") ? IndicatorType.MD5 : null;
            }
            default -> {
                return null;
            }
        }
    }

    private static String normalise(IndicatorType type, String value) {
        return switch (type) {
            case IPV4, IPV6 -> value.replaceFirst("/(32|128)$", "").toLowerCase(Locale.ROOT);
            case MD5, SHA256, DOMAIN -> value.toLowerCase(Locale.ROOT);
            default -> value;
        };
    }
}

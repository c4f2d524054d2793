package io.cloudexchange.plugins.textfeed;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises the kind of a bare value: hash, address, URL or domain. */
final class IndicatorTypes {

    private static final Pattern MD5 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern IPV4 = Pattern.compile(
            "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]*:[0-9a-fA-F:.]*");
    private static final Pattern DOMAIN = Pattern.compile(
            "(\\*\\.)?([a-zA-Z0-9_]([a-zA-Z0-9_-]{0,61}[a-zA-Z0-9_])?\\.)+[a-zA-Z][a-zA-Z0-9-]{0,62}\\.?");
    private static final Pattern CIDR = Pattern.compile("[0-9.]+/\\d{1,2}|[0-9a-fA-F:]+/\\d{1,3}");
    private static final Pattern URL = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)?[^\\s/]+/\\S*|[a-zA-Z][a-zA-Z0-9+.-]*://\\S+");

    private IndicatorTypes() {
    }

    /** The kind of the value, or empty when it is none we know. */
    static Optional<IndicatorType> detect(String value) {
        if (CIDR.matcher(value).matches()) {
            return Optional.empty();
        }
        if (MD5.matcher(value).matches()) {
            return Optional.of(IndicatorType.MD5);
        }
        if (SHA256.matcher(value).matches()) {
            return Optional.of(IndicatorType.SHA256);
        }
        if (IPV4.matcher(value).matches()) {
            return Optional.of(IndicatorType.IPV4);
        }
        if (IPV6.matcher(value).matches() && value.chars().filter(c -> c == ':').count() >= 2) {
            return Optional.of(IndicatorType.IPV6);
        }
        if (URL.matcher(value).matches()) {
            return Optional.of(IndicatorType.URL);
        }
        if (DOMAIN.matcher(value).matches()) {
            return Optional.of(IndicatorType.DOMAIN);
        }
        return Optional.empty();
    }

    /** Why a value of no known kind was refused, for the report. */
    static String whyNot(String value) {
        if (value.matches("[0-9a-fA-F]{40}")) {
            return "SHA-1 hashes are not supported";
        }
        if (CIDR.matcher(value).matches()) {
            return "address ranges (CIDR) are not supported";
        }
        return "not a URL, domain, IP address, MD5 or SHA256";
    }
}

package io.cloudexchange.core.cte.values;

import io.cloudexchange.plugin.api.cte.IndicatorType;

/**
 * Checks and canonicalises an indicator value for its type; see docs/architecture.md (Threat Exchange,
 * indicator values) for the rules. Pure functions: no Spring, no I/O, safe on the batch path.
 */
public final class IndicatorValueRules {

    private IndicatorValueRules() {
    }

    public static ValueCheck check(IndicatorType type, String raw) {
        if (type == null) {
            return ValueCheck.invalid("missing indicator type");
        }
        if (raw == null || raw.isBlank()) {
            return ValueCheck.invalid("empty value");
        }
        return switch (type) {
            case MD5 -> Hashes.check(raw, "MD5", Hashes.MD5_LENGTH);
            case SHA256 -> Hashes.check(raw, "SHA-256", Hashes.SHA256_LENGTH);
            case IPV4 -> IpAddresses.ipv4(raw);
            case IPV6 -> IpAddresses.ipv6(raw);
            case URL -> Urls.check(raw);
            case DOMAIN -> DomainNames.check(raw, DomainNames.Kind.DOMAIN);
            case HOSTNAME -> DomainNames.check(raw, DomainNames.Kind.HOSTNAME);
            case FQDN -> DomainNames.check(raw, DomainNames.Kind.FQDN);
        };
    }
}

package io.cloudexchange.core.cte.lists;

import io.cloudexchange.plugin.api.cte.IndicatorType;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;

/** Stored indicators as STIX 2.1 {@code indicator} objects, with a pattern built from type and value. */
final class StixIndicators {

    /** Namespace of our deterministic (UUIDv5) ids: the same indicator always has the same STIX id. */
    private static final UUID NAMESPACE = UUID.fromString("6d3f0c52-7a51-4bde-9a8a-1b7f5a2c9e10");
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private StixIndicators() {
    }

    static Map<String, Object> of(Document stored) {
        IndicatorType type = IndicatorType.valueOf(stored.getString("type"));
        String value = stored.getString("value");
        Instant firstSeen = instant(stored.get("firstSeen"));
        Instant lastSeen = instant(stored.get("lastSeen"));
        Instant created = firstSeen != null ? firstSeen : lastSeen;
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("type", "indicator");
        object.put("spec_version", "2.1");
        object.put("id", id(type, value));
        object.put("created", timestamp(created));
        object.put("modified", timestamp(lastSeen != null ? lastSeen : created));
        object.put("name", value);
        object.put("indicator_types", List.of("malicious-activity"));
        object.put("pattern", pattern(type, value));
        object.put("pattern_type", "stix");
        object.put("valid_from", timestamp(created));
        Instant expiresAt = instant(stored.get("expiresAt"));
        if (expiresAt != null && created != null && expiresAt.isAfter(created)) {
            object.put("valid_until", timestamp(expiresAt));
        }
        Object reputation = stored.get("reputation");
        if (reputation instanceof Number number && number.intValue() >= 1 && number.intValue() <= 10) {
            // reputation 1 (most malicious) .. 10 (benign) -> confidence that it is malicious, 0..100
            object.put("confidence", (10 - number.intValue()) * 100 / 9);
        }
        Object tags = stored.get("tags");
        if (tags instanceof List<?> list && !list.isEmpty()) {
            object.put("labels", list.stream().map(String::valueOf).toList());
        }
        return object;
    }

    static String pattern(IndicatorType type, String value) {
        String literal = "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return switch (type) {
            case URL -> "[url:value = " + literal + "]";
            case DOMAIN, HOSTNAME, FQDN -> "[domain-name:value = " + literal + "]";
            case IPV4 -> "[ipv4-addr:value = " + literal + "]";
            case IPV6 -> "[ipv6-addr:value = " + literal + "]";
            case MD5 -> "[file:hashes.MD5 = " + literal + "]";
            case SHA256 -> "[file:hashes.'SHA-256' = " + literal + "]";
        };
    }

    static String id(IndicatorType type, String value) {
        return "indicator--" + uuid5(type.name() + ":" + value);
    }

    static String timestamp(Instant instant) {
        return instant == null ? null : TIMESTAMP.format(instant);
    }

    static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : value instanceof Instant instant ? instant : null;
    }

    static UUID uuid5(String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            ByteBuffer namespace = ByteBuffer.allocate(16)
                    .putLong(NAMESPACE.getMostSignificantBits()).putLong(NAMESPACE.getLeastSignificantBits());
            sha1.update(namespace.array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

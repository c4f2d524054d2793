package io.cloudexchange.plugins.syslog;

import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds one syslog message (header + payload) per mapped log, as UTF-8 bytes without transport
 * framing. Header fields are printable US-ASCII without spaces (RFC 5424 section 6); anything else
 * is replaced by {@code _} so a receiver never misparses the header.
 */
final class SyslogMessages {

    private static final DateTimeFormatter RFC5424_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter RFC3164_TIME =
            DateTimeFormatter.ofPattern("MMM ppd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final SyslogSettings settings;
    private final String hostname;
    private final String appName;
    /** The last header built: a batch's messages share their stream and time, so mostly the same header. */
    private LogStream lastStream;
    private Instant lastTime;
    private String lastHeader;

    SyslogMessages(SyslogSettings settings) {
        this.settings = settings;
        this.hostname = headerField(settings.logSourceIdentifier(), 255);
        this.appName = headerField(settings.appName(),
                settings.headerFormat() == SyslogSettings.HeaderFormat.RFC3164 ? 32 : 48);
    }

    /** Problem with a header field value, if any (for validation). */
    static Optional<String> headerFieldProblem(String value) {
        if (value.isEmpty()) {
            return Optional.of("must not be empty");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 33 || c > 126) {
                return Optional.of("must be printable ASCII without spaces");
            }
        }
        return Optional.empty();
    }

    byte[] message(MappedLog log, Instant now) {
        String payload = log.payload();
        if (settings.transport() != SyslogSettings.Transport.UDP
                && settings.framing() == SyslogSettings.Framing.LF) {
            payload = payload.replace("\r", "\\r").replace("\n", "\\n");
        }
        return (cachedHeader(log, now) + payload).getBytes(StandardCharsets.UTF_8);
    }

    private String cachedHeader(MappedLog log, Instant now) {
        if (!now.equals(lastTime) || !log.stream().equals(lastStream)) {
            lastHeader = header(log, now);
            lastStream = log.stream();
            lastTime = now;
        }
        return lastHeader;
    }

    String header(MappedLog log, Instant now) {
        int priority = settings.priority();
        if (settings.headerFormat() == SyslogSettings.HeaderFormat.RFC3164) {
            return "<" + priority + ">" + RFC3164_TIME.format(now) + " " + hostname + " " + appName + ": ";
        }
        String msgId = headerField(log.stream().key(), 32);
        return "<" + priority + ">1 " + RFC5424_TIME.format(now) + " " + hostname + " " + appName + " - " + msgId
                + " - ";
    }

    private static String headerField(String value, int maxLength) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder field = new StringBuilder(Math.min(value.length(), maxLength));
        for (int i = 0; i < value.length() && field.length() < maxLength; i++) {
            char c = value.charAt(i);
            field.append(c >= 33 && c <= 126 ? c : '_');
        }
        return field.toString();
    }
}

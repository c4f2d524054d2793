package io.cloudexchange.plugins.syslog;

import io.cloudexchange.plugin.api.config.Choice;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ConfigStep;
import io.cloudexchange.plugin.api.config.ConfigValues;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The configuration of a syslog destination, read from the form values. */
record SyslogSettings(String host, int port, Transport transport, HeaderFormat headerFormat, Framing framing,
                      Facility facility, Severity severity, String logSourceIdentifier, String appName,
                      int maxUdpMessageBytes, String caCertificate, boolean verifyCertificate,
                      boolean checkHostname) {

    static final String HOST = "host";
    static final String PORT = "port";
    static final String TRANSPORT = "transport";
    static final String HEADER = "header_format";
    static final String FRAMING = "framing";
    static final String FACILITY = "facility";
    static final String SEVERITY = "severity";
    static final String LOG_SOURCE_IDENTIFIER = "log_source_identifier";
    static final String APP_NAME = "app_name";
    static final String MAX_UDP_MESSAGE_BYTES = "max_udp_message_bytes";
    static final String CA_CERTIFICATE = "ca_certificate";
    static final String VERIFY_CERTIFICATE = "verify_certificate";
    static final String CHECK_HOSTNAME = "check_hostname";

    static final String DEFAULT_LOG_SOURCE_IDENTIFIER = "netskopece";

    enum Transport { UDP, TCP, TLS }

    enum HeaderFormat { RFC5424, RFC3164 }

    enum Framing { OCTET_COUNTING, LF }

    /** RFC 5424 facility codes 0-23, in order. */
    enum Facility {
        KERN, USER, MAIL, DAEMON, AUTH, SYSLOG, LPR, NEWS, UUCP, CRON, AUTHPRIV, FTP, NTP, AUDIT, ALERT, CLOCK,
        LOCAL0, LOCAL1, LOCAL2, LOCAL3, LOCAL4, LOCAL5, LOCAL6, LOCAL7
    }

    /** RFC 5424 severity codes 0-7, in order. */
    enum Severity { EMERGENCY, ALERT, CRITICAL, ERROR, WARNING, NOTICE, INFORMATIONAL, DEBUG }

    static final ConfigSchema SCHEMA = new ConfigSchema(List.of(
            new ConfigStep("connection", "Connection", List.of(
                    ConfigField.text(HOST, "Syslog server").required().withMaxLength(255)
                            .withPlaceholder("siem.example.com")
                            .withDescription("Host name or IP address of the syslog receiver."),
                    ConfigField.number(PORT, "Port").required().range(1, 65535).withDefault(514)
                            .withDescription("514 is usual for UDP and TCP, 6514 for TLS (RFC 5425)."),
                    ConfigField.choice(TRANSPORT, "Protocol", choices(Transport.values())).required()
                            .withDefault("TCP")
                            .withDescription("UDP loses messages silently when the receiver is down or busy;"
                                    + " prefer TCP or TLS."),
                    ConfigField.choice(FRAMING, "TCP framing", List.of(
                                    new Choice("Octet counting (RFC 6587, RFC 5425)", "OCTET_COUNTING"),
                                    new Choice("Line feed after each message", "LF")))
                            .required().withDefault("OCTET_COUNTING")
                            .withDescription("How messages are separated on a TCP or TLS stream. Octet counting"
                                    + " keeps line breaks inside a message; with LF framing they are sent as \\n."),
                    ConfigField.number(MAX_UDP_MESSAGE_BYTES, "Maximum UDP message size (bytes)").required()
                            .range(480, 65507).withDefault(8192)
                            .withDescription("Longer UDP messages are cut to this size (a warning says how many)."),
                    ConfigField.textarea(CA_CERTIFICATE, "CA certificate (PEM)")
                            .withDescription("Certificates that sign the receiver's TLS certificate. Empty: the"
                                    + " Java default trust store."),
                    ConfigField.bool(VERIFY_CERTIFICATE, "Verify the TLS certificate").withDefault(true),
                    ConfigField.bool(CHECK_HOSTNAME, "Check the TLS host name").withDefault(true)
                            .withDescription("The certificate must name the syslog server."))),
            new ConfigStep("header", "Syslog header", List.of(
                    ConfigField.choice(HEADER, "Header format", List.of(
                                    new Choice("RFC 5424", "RFC5424"), new Choice("RFC 3164 (BSD)", "RFC3164")))
                            .required().withDefault("RFC5424"),
                    ConfigField.choice(FACILITY, "Facility", choices(Facility.values())).required()
                            .withDefault("LOCAL0"),
                    ConfigField.choice(SEVERITY, "Severity", choices(Severity.values())).required()
                            .withDefault("INFORMATIONAL"),
                    ConfigField.text(LOG_SOURCE_IDENTIFIER, "Log source identifier").required()
                            .withDefault(DEFAULT_LOG_SOURCE_IDENTIFIER).withMaxLength(255)
                            .withDescription("Written as the HOSTNAME of every header; SIEMs such as QRadar match"
                                    + " the log source on it. Printable ASCII without spaces."),
                    ConfigField.text(APP_NAME, "App name").required().withDefault("netskope-ce").withMaxLength(48)
                            .withDescription("APP-NAME (RFC 5424) or TAG (RFC 3164). Printable ASCII without spaces.")))));

    private static List<Choice> choices(Enum<?>[] values) {
        return Arrays.stream(values)
                .map(v -> new Choice(v.name().charAt(0) + v.name().substring(1).toLowerCase(Locale.ROOT), v.name()))
                .toList();
    }

    static SyslogSettings from(ConfigValues config) {
        return new SyslogSettings(
                config.string(HOST, "").trim(),
                (int) config.number(PORT, 514),
                Transport.valueOf(config.string(TRANSPORT, "TCP")),
                HeaderFormat.valueOf(config.string(HEADER, "RFC5424")),
                Framing.valueOf(config.string(FRAMING, "OCTET_COUNTING")),
                Facility.valueOf(config.string(FACILITY, "LOCAL0")),
                Severity.valueOf(config.string(SEVERITY, "INFORMATIONAL")),
                config.string(LOG_SOURCE_IDENTIFIER, DEFAULT_LOG_SOURCE_IDENTIFIER).trim(),
                config.string(APP_NAME, "netskope-ce").trim(),
                (int) config.number(MAX_UDP_MESSAGE_BYTES, 8192),
                config.string(CA_CERTIFICATE, ""),
                config.bool(VERIFY_CERTIFICATE, true),
                config.bool(CHECK_HOSTNAME, true));
    }

    /** PRIVAL of RFC 5424: facility * 8 + severity. */
    int priority() {
        return facility.ordinal() * 8 + severity.ordinal();
    }
}

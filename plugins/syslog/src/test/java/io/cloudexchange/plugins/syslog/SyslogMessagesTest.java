package io.cloudexchange.plugins.syslog;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ConfigValues;
import io.cloudexchange.plugin.api.log.LogType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyslogMessagesTest {

    private static final Instant NOW = Instant.parse("2026-03-05T07:08:09.123Z");
    private static final MappedLog LOG = new MappedLog("1", new LogStream(LogType.ALERT, "dlp"), LogFormat.CEF, "CEF:0|x");

    private static SyslogMessages messages(Map<String, Object> values) {
        return new SyslogMessages(SyslogSettings.from(ConfigValues.of(
                SyslogSettings.SCHEMA.withDefaults(values))));
    }

    @Test
    void rfc5424HeaderHasPriorityVersionTimeHostAppAndStreamAsMsgId() {
        String message = new String(messages(Map.of("host", "h", "facility", "LOCAL0", "severity", "ERROR"))
                .message(LOG, NOW), StandardCharsets.UTF_8);

        assertThat(message).isEqualTo("<131>1 2026-03-05T07:08:09.123Z netskopece netskope-ce - alert:dlp - CEF:0|x");
    }

    @Test
    void rfc3164HeaderHasASpacePaddedDayAndATag() {
        String message = new String(messages(Map.of("host", "h", "header_format", "RFC3164", "facility", "KERN",
                "severity", "EMERGENCY", "log_source_identifier", "ns")).message(LOG, NOW), StandardCharsets.UTF_8);

        assertThat(message).isEqualTo("<0>Mar  5 07:08:09 ns netskope-ce: CEF:0|x");
    }

    @Test
    void udpCutsNeverSplitAUtf8Character() {
        byte[] bytes = "aé".getBytes(StandardCharsets.UTF_8);

        assertThat(SyslogConnection.Udp.utf8Boundary(bytes, 2)).isEqualTo(1);
    }
}

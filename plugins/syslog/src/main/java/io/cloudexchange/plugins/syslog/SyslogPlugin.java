package io.cloudexchange.plugins.syslog;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Log Shipper destination for a syslog receiver (UDP, TCP or TLS; RFC 5424 or RFC 3164 headers).
 * <p>
 * Each {@link #deliver} call opens its own connection and closes it at the end of the batch. Batches
 * are large (up to {@link #maxBatchSize()} messages), so a connection per batch costs little, and it
 * keeps the plugin stateless: a connection kept between calls could have been closed by the receiver
 * while idle, and the first writes into such a socket succeed locally and are lost without an error.
 */
public final class SyslogPlugin implements LogDestinationPlugin {

    static final String CUT_WARNING = "SYSLOG-1001";

    /** Closes a connection whose writes block (a receiver that stopped reading) so the call can end. */
    private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "syslog-plugin-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private static final Duration BATCH_DEADLINE = Duration.ofMinutes(5);

    private static final PluginDescriptor DESCRIPTOR = new PluginDescriptor(
            "syslog",
            "Syslog",
            "1.0.0",
            "Sends logs to a syslog receiver or SIEM over UDP, TCP or TLS, with RFC 5424 or RFC 3164 headers.",
            Set.of(PlatformModule.CLS),
            "0.1.0",
            Set.of(Capability.PUSH));

    @Override
    public PluginDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConfigSchema configSchema() {
        return SyslogSettings.SCHEMA;
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.CEF, LogFormat.LEEF, LogFormat.JSON);
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        return new SyslogValidation(SyslogSettings.from(context.config())).check();
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        if (logs.isEmpty()) {
            return DeliveryResult.delivered("nothing to send");
        }
        SyslogSettings settings = SyslogSettings.from(context.config());
        SyslogMessages messages = new SyslogMessages(settings);
        String target = settings.transport() + " " + settings.host() + ":" + settings.port();
        int cut = 0;
        try (SyslogConnection connection = SyslogConnection.open(settings)) {
            ScheduledFuture<?> watchdog = WATCHDOG.schedule(() -> closeQuietly(connection),
                    BATCH_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            try {
                Instant now = context.clock().instant();
                for (MappedLog log : logs) {
                    if (connection.send(messages.message(log, now))) {
                        cut++;
                    }
                }
                connection.finish();
            } finally {
                watchdog.cancel(false);
            }
        } catch (IOException e) {
            return DeliveryResult.retry("syslog " + target + ": " + describe(e));
        } catch (GeneralSecurityException e) {
            return DeliveryResult.retry("syslog " + target + ": TLS setup failed: " + e.getMessage());
        }
        String summary = logs.size() + " messages sent to " + target;
        if (cut > 0) {
            String note = cut + " of them cut to " + settings.maxUdpMessageBytes() + " bytes (UDP maximum message size)";
            context.logger().warn("Syslog " + CUT_WARNING + ": " + note);
            return DeliveryResult.delivered(summary + "; " + note);
        }
        return DeliveryResult.delivered(summary);
    }

    static String describe(IOException e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage();
        return switch (e.getClass().getSimpleName()) {
            case "UnknownHostException" -> "unknown host" + message;
            case "ConnectException" -> "connection refused or unreachable" + message;
            case "SocketTimeoutException" -> "timed out" + message;
            case "SSLHandshakeException" -> "TLS handshake failed" + message;
            default -> e.getClass().getSimpleName() + message;
        };
    }

    private static void closeQuietly(SyslogConnection connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // the call that owns the connection reports the failure
        }
    }
}

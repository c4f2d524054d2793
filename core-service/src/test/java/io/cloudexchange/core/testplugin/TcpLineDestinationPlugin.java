package io.cloudexchange.core.testplugin;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PluginContext;
import io.cloudexchange.plugin.api.PluginDescriptor;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.FailedLog;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import io.cloudexchange.plugin.api.config.ValidationResult;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Log Shipper destination for tests: writes each payload as one line to a TCP receiver and waits for the
 * receiver's "OK" line (so a delivered batch really arrived). Connection failures are RETRY. Payloads
 * containing {@value #POISON} are refused for good (a PARTIAL result) unless {@link #acceptPoison} is set,
 * as a real target refuses a malformed record.
 */
public class TcpLineDestinationPlugin implements LogDestinationPlugin {

    public static final String ID = "test-tcp-lines";
    public static final String POISON = "poison";
    public static volatile boolean acceptPoison;
    /** Sizes of the record lists {@link #deliver} was called with. */
    public static final List<Integer> CALL_SIZES = new CopyOnWriteArrayList<>();

    @Override
    public PluginDescriptor descriptor() {
        return new PluginDescriptor(ID, "Test TCP lines", "1.0.0", "Writes records as lines to a TCP receiver",
                Set.of(PlatformModule.CLS), "0.1.0", Set.of(Capability.PUSH));
    }

    @Override
    public ConfigSchema configSchema() {
        return ConfigSchema.of(ConfigField.text("host", "Host").required(), ConfigField.number("port", "Port").required(),
                ConfigField.number("max_batch", "Max batch").withDefault(10_000));
    }

    @Override
    public ValidationResult validate(PluginContext context) {
        return ValidationResult.ok();
    }

    @Override
    public Set<LogFormat> supportedFormats() {
        return Set.of(LogFormat.JSON, LogFormat.CEF);
    }

    /** The platform calls this on the shared instance; the tests keep the limit small to see splitting. */
    public static volatile int maxBatch = 10_000;

    @Override
    public int maxBatchSize() {
        return maxBatch;
    }

    @Override
    public DeliveryResult deliver(PluginContext context, List<MappedLog> logs) {
        CALL_SIZES.add(logs.size());
        List<FailedLog> refused = new ArrayList<>();
        String host = context.config().string("host");
        int port = (int) context.config().number("port", 0);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1_000);
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder lines = new StringBuilder();
            int sent = 0;
            for (MappedLog log : logs) {
                if (!acceptPoison && log.payload().contains(POISON)) {
                    refused.add(new FailedLog(log.id(), "422 field 'poison' is not allowed", false));
                } else {
                    lines.append(log.payload()).append('\n');
                    sent++;
                }
            }
            lines.append("END ").append(sent).append('\n');
            out.write(lines.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            String answer = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            if (!"OK".equals(answer)) {
                return DeliveryResult.retry("receiver answered " + answer);
            }
        } catch (IOException e) {
            return DeliveryResult.retry("cannot reach " + host + ":" + port + ": " + e.getMessage());
        }
        return DeliveryResult.partial("sent", refused);
    }
}

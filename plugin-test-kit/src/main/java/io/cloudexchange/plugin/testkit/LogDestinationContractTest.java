package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.DeliveryResult;
import io.cloudexchange.plugin.api.cls.LogDestinationPlugin;
import io.cloudexchange.plugin.api.cls.LogFormat;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.cls.MappedLog;
import io.cloudexchange.plugin.api.log.LogType;
import org.junit.jupiter.api.Test;

/** Contract of a Log Shipper destination: formats, batch size, empty batches are no-ops. */
public abstract class LogDestinationContractTest<P extends LogDestinationPlugin> extends PluginContractTest<P> {

    /** A mapped record in {@code format} as the platform would hand it over; override for stricter plugins. */
    protected MappedLog sampleLog(String id, LogFormat format) {
        String payload = switch (format) {
            case CEF -> "CEF:0|Netskope|Cloud Exchange|1.0|dlp|Test alert " + id + "|5|";
            case LEEF -> "LEEF:2.0|Netskope|Cloud Exchange|1.0|dlp|";
            case JSON -> "{\"id\":\"" + id + "\",\"alert_type\":\"dlp\"}";
        };
        return new MappedLog(id, new LogStream(LogType.ALERT, "dlp"), format, payload);
    }

    @Test
    void declaresPushForLogShipper() {
        var descriptor = createPlugin().descriptor();
        assertThat(descriptor.serves(PlatformModule.CLS)).as("serves CLS").isTrue();
        assertThat(descriptor.supports(Capability.PUSH)).as("declares PUSH").isTrue();
    }

    @Test
    void supportsAFormatAndAPositiveBatchSize() {
        P plugin = createPlugin();

        assertThat(plugin.supportedFormats()).isNotEmpty();
        assertThat(plugin.maxBatchSize()).isPositive();
    }

    @Test
    void deliveringNoLogsSucceeds() {
        DeliveryResult result = createPlugin().deliver(validContext(), java.util.List.of());

        assertThat(result).isNotNull();
        assertThat(result.fullyDelivered()).as("delivery of an empty batch: %s", result.message()).isTrue();
    }
}

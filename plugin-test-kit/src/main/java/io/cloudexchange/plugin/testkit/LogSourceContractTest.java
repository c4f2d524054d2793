package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudexchange.plugin.api.Capability;
import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.PullPage;
import io.cloudexchange.plugin.api.cls.LogSourcePlugin;
import io.cloudexchange.plugin.api.cls.LogStream;
import io.cloudexchange.plugin.api.log.LogRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Contract of a Log Shipper source: distinct streams, each pulled forward from its own checkpoint. */
public abstract class LogSourceContractTest<P extends LogSourcePlugin> extends PluginContractTest<P> {

    @Test
    void declaresPullForLogShipper() {
        var descriptor = createPlugin().descriptor();
        assertThat(descriptor.serves(PlatformModule.CLS)).as("serves CLS").isTrue();
        assertThat(descriptor.supports(Capability.PULL)).as("declares PULL").isTrue();
    }

    @Test
    void streamsHaveDistinctKeys() {
        List<LogStream> streams = streams();

        assertThat(streams).as("streams() of validConfiguration()").isNotEmpty();
        assertThat(streams.stream().map(LogStream::key)).doesNotHaveDuplicates();
    }

    @Test
    void eachStreamReturnsItsOwnRecordsAndMovesForward() {
        for (LogStream stream : streams()) {
            PullPage<LogRecord> first = pull(stream, Checkpoint.initial());
            PullPage<LogRecord> second = pull(stream, first.next());

            assertThat(first.next().isInitial()).as("checkpoint of %s after the first page", stream.key()).isFalse();
            assertThat(first.items()).as("records of %s", stream.key())
                    .allSatisfy(record -> assertThat(record.logType()).isEqualTo(stream.type()));
            assertThat(second.items().stream().map(LogRecord::id))
                    .as("records of %s pulled again after their checkpoint", stream.key())
                    .doesNotContainAnyElementsOf(first.items().stream().map(LogRecord::id).toList());
        }
    }

    private List<LogStream> streams() {
        return createPlugin().streams(validContext());
    }

    private PullPage<LogRecord> pull(LogStream stream, Checkpoint checkpoint) {
        TestPluginContext context = validContext().toBuilder().checkpoint(checkpoint).build();
        PullPage<LogRecord> page = createPlugin().pullLogs(context, stream, checkpoint);
        assertThat(page).as("pullLogs() result").isNotNull();
        assertThat(page.items()).doesNotContainNull();
        return page;
    }
}

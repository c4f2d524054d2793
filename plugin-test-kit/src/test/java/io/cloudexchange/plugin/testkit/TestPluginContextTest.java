package io.cloudexchange.plugin.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.cloudexchange.plugin.api.Checkpoint;
import io.cloudexchange.plugin.api.config.ConfigField;
import io.cloudexchange.plugin.api.config.ConfigSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPluginContextTest {

    @Test
    void appliesSchemaDefaultsUnderGivenValues() {
        ConfigSchema schema = ConfigSchema.of(ConfigField.number("size", "Size").withDefault(10),
                ConfigField.text("name", "Name").withDefault("demo"));

        TestPluginContext context = TestPluginContext.builder().defaultsFrom(schema).config("name", "mine").build();

        assertThat(context.config().values()).isEqualTo(Map.of("size", 10, "name", "mine"));
    }

    @Test
    void capturesLogLinesAndKeepsStorageAcrossRebuilds() {
        TestPluginContext context = TestPluginContext.builder().build();
        context.logger().info("pulled 3");
        context.logger().error("token expired", "FEED-1001");
        context.storage().put("cursor", "abc");

        TestPluginContext next = context.toBuilder().checkpoint(Checkpoint.of("position", "3")).build();

        assertThat(context.logLines()).extracting(LogLine::level, LogLine::errorCode)
                .containsExactly(tuple(LogLine.Level.INFO, null),
                        tuple(LogLine.Level.ERROR, "FEED-1001"));
        assertThat(next.storage().get("cursor")).contains("abc");
        assertThat(next.checkpoint().get("position")).contains("3");
        assertThat(next.logLines()).isEmpty();
        assertThat(next.clock().instant()).isEqualTo(TestPluginContext.DEFAULT_NOW);
    }
}

package io.cloudexchange.core.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** See {@link EmbeddedInfrastructure}. */
public class EmbeddedInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    static final String PROPERTY_SOURCE = "embeddedInfrastructure";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        Path dataDir = createDataDir();
        // above the machine's environment, below @TestPropertySource and @DynamicPropertySource
        context.getEnvironment().getPropertySources().addBefore(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME,
                new MapPropertySource(PROPERTY_SOURCE, Map.of(
                        "cloudexchange.data-dir", dataDir.toString(),
                        "cloudexchange.embedded.in-memory", "true",
                        "cloudexchange.embedded.mongo-port", "0",
                        "cloudexchange.embedded.amqp-port", "0",
                        "cloudexchange.mongodb.uri", "",
                        "cloudexchange.rabbitmq.uri", "")));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent closed && closed.getApplicationContext() == context) {
                deleteRecursively(dataDir);
            }
        });
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("cloudexchange-test-data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary directory is harmless
        }
    }
}

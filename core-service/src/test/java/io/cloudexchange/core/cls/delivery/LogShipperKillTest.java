package io.cloudexchange.core.cls.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import io.cloudexchange.core.cls.TcpLineReceiver;
import io.cloudexchange.core.cls.rules.BusinessRule;
import io.cloudexchange.core.cls.siem.SiemMapping;
import io.cloudexchange.core.configurations.PluginConfiguration;
import io.cloudexchange.core.messaging.BatchMessage;
import io.cloudexchange.core.messaging.BatchTopology;
import io.cloudexchange.core.testplugin.TcpLineDestinationPlugin;
import io.cloudexchange.core.testplugin.TestLogSourcePlugin;
import io.cloudexchange.core.testsupport.TestBrokers;
import io.cloudexchange.plugin.api.PlatformModule;
import io.cloudexchange.plugin.api.cls.LogFormat;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code kill -9} of a core node while it ships: a second node started afterwards delivers every record
 * (at least once; repeats come only from batches the killed node had not acknowledged). The nodes are
 * separate JVMs on the test's class path; MongoDB lives in the test JVM and RabbitMQ is the local broker,
 * so both outlive the node.
 */
class LogShipperKillTest {

    private static final int BATCHES = 40;
    private static final int PER_BATCH = 25;

    private final MongoServer mongoServer = new MongoServer(new MemoryBackend());
    private final List<Process> nodes = new ArrayList<>();
    private TcpLineReceiver receiver;

    @AfterEach
    void stop() throws Exception {
        nodes.forEach(Process::destroyForcibly);
        if (receiver != null) {
            receiver.close();
        }
        mongoServer.shutdownNow();
    }

    @Test
    void killingANodeMidStreamLosesNothing() throws Exception {
        String rabbit = TestBrokers.freshLocalRabbitMqOrEmbedded();
        assumeTrue(!rabbit.isEmpty(), "needs a RabbitMQ that outlives the killed node (none at 127.0.0.1:5672)");
        String mongoUri = mongoServer.bindAndGetConnectionString() + "/cloudexchange";
        receiver = TcpLineReceiver.start();
        receiver.slowDown(Duration.ofMillis(100));
        String mappingId;
        String sourceId;
        try (MongoClient client = MongoClients.create(mongoUri)) {
            MongoTemplate mongo = new MongoTemplate(client, "cloudexchange");
            Instant now = Instant.now();
            sourceId = mongo.save(new PluginConfiguration(null, "source", TestLogSourcePlugin.ID, PlatformModule.CLS,
                    Map.of(), Map.of(), false, 300, false, true, now, now, null)).id();
            String destinationId = mongo.save(new PluginConfiguration(null, "receiver", TcpLineDestinationPlugin.ID,
                    PlatformModule.CLS, Map.of("host", "127.0.0.1", "port", receiver.port()), Map.of(), true, 300, false,
                    true, now, now, null)).id();
            mappingId = mongo.save(new SiemMapping(null, "to receiver", sourceId, BusinessRule.ALL_ID, destinationId,
                    "default-json", LogFormat.JSON, true, null, now, now, null)).id();
        }

        Process first = startNode(mongoUri, rabbit);
        publish(rabbit, sourceId);
        await().atMost(Duration.ofSeconds(120)).until(() -> receiver.lines().size() >= 3 * PER_BATCH);
        first.destroyForcibly();
        first.waitFor(30, TimeUnit.SECONDS);
        int beforeKill = new HashSet<>(receiver.lines()).size();
        assertThat(beforeKill).as("killed mid-stream").isLessThan(BATCHES * PER_BATCH);

        startNode(mongoUri, rabbit);

        await().atMost(Duration.ofSeconds(240)).until(() -> ids().size() == BATCHES * PER_BATCH);
        assertThat(ids()).hasSize(BATCHES * PER_BATCH);
        assertThat(mappingId).isNotBlank();
    }

    private Set<String> ids() {
        Set<String> ids = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (String line : receiver.lines()) {
            ids.add(String.valueOf(json.readTree(line).path("_id").asString()));
        }
        return ids;
    }

    private void publish(String rabbit, String sourceId) throws Exception {
        CachingConnectionFactory factory = new CachingConnectionFactory(TestBrokers.clientFactory(rabbit));
        try {
            RabbitTemplate template = new RabbitTemplate(factory);
            JsonMapper json = JsonMapper.builder().findAndAddModules().build();
            for (int batch = 0; batch < BATCHES; batch++) {
                List<Map<String, Object>> items = new ArrayList<>();
                for (int i = 0; i < PER_BATCH; i++) {
                    String id = "k-" + (batch * PER_BATCH + i);
                    Map<String, Object> raw = new LinkedHashMap<>(Map.of("_id", id, "alert_type", "dlp", "user", "u"));
                    items.add(Map.of("id", id, "alertType", "dlp", "timestamp", Instant.now().toString(), "raw", raw));
                }
                BatchMessage message = new BatchMessage(UUID.randomUUID().toString(), PlatformModule.CLS, sourceId,
                        TestLogSourcePlugin.ID, "alert:dlp", BatchMessage.Kind.LOGS, Instant.now(), items);
                MessageProperties properties = new MessageProperties();
                properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
                properties.setContentType(MessageProperties.CONTENT_TYPE_JSON);
                template.send(BatchTopology.exchange(PlatformModule.CLS), BatchTopology.routingKey(PlatformModule.CLS),
                        new org.springframework.amqp.core.Message(json.writeValueAsBytes(message), properties));
            }
        } finally {
            factory.destroy();
        }
    }

    private Process startNode(String mongoUri, String rabbit) throws Exception {
        Path dataDir = Files.createTempDirectory("cls-kill-node");
        Process node = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), LogShipperNode.class.getName(), mongoUri, rabbit,
                dataDir.toString())
                .redirectErrorStream(true)
                .start();
        nodes.add(node);
        CountDownLatch ready = new CountDownLatch(1);
        Thread drain = new Thread(() -> {
            try (BufferedReader output = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    if (line.equals(LogShipperNode.READY)) {
                        ready.countDown();
                    }
                }
            } catch (java.io.IOException e) {
                // the node was killed
            }
        }, "node-output");
        drain.setDaemon(true);
        drain.start();
        assertThat(ready.await(240, TimeUnit.SECONDS)).as("node started").isTrue();
        return node;
    }
}

package io.cloudexchange.core.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;
import com.rabbitmq.client.MessageProperties;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedAmqpBrokerTest {

    @TempDir
    Path dataDir;

    @Test
    void persistentMessageSurvivesABrokerRestart() throws Exception {
        EmbeddedBrokerCredentials credentials = EmbeddedBrokerCredentials.readOrCreate(dataDir);
        Path brokerDir = dataDir.resolve("embedded/broker");

        try (EmbeddedAmqpBroker broker = EmbeddedAmqpBroker.startDurable(brokerDir, 0, credentials);
             Connection connection = connect(broker)) {
            Channel channel = connection.createChannel();
            channel.queueDeclare("durability-check", true, false, false, null);
            channel.confirmSelect();
            channel.basicPublish("", "durability-check", MessageProperties.PERSISTENT_TEXT_PLAIN,
                    "still here".getBytes(StandardCharsets.UTF_8));
            channel.waitForConfirmsOrDie(10_000);
        }

        try (EmbeddedAmqpBroker restarted = EmbeddedAmqpBroker.startDurable(brokerDir, 0, EmbeddedBrokerCredentials.readOrCreate(dataDir));
             Connection connection = connect(restarted)) {
            GetResponse response = connection.createChannel().basicGet("durability-check", true);
            assertThat(response).isNotNull();
            assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).isEqualTo("still here");
        }
    }

    @Test
    void passwordIsGeneratedOnceAndKeptWithTheSecrets() {
        EmbeddedBrokerCredentials first = EmbeddedBrokerCredentials.readOrCreate(dataDir);

        assertThat(dataDir.resolve(EmbeddedBrokerCredentials.PASSWORD_FILE)).exists();
        assertThat(first.password()).hasSizeGreaterThanOrEqualTo(32);
        assertThat(EmbeddedBrokerCredentials.readOrCreate(dataDir)).isEqualTo(first);
        assertThat(first.toString()).doesNotContain(first.password());
    }

    private static Connection connect(EmbeddedAmqpBroker broker) throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(broker.host());
        factory.setPort(broker.port());
        factory.setUsername(broker.username());
        factory.setPassword(broker.password());
        factory.setVirtualHost(broker.virtualHost());
        return factory.newConnection();
    }
}

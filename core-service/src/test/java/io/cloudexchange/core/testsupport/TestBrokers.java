package io.cloudexchange.core.testsupport;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import io.cloudexchange.core.messaging.BatchTopology;
import io.cloudexchange.plugin.api.PlatformModule;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeoutException;

/** Picks the broker for round-trip tests: a local RabbitMQ when one answers, else the embedded broker. */
public final class TestBrokers {

    public static final String LOCAL_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672/";

    private TestBrokers() {
    }

    /**
     * @return a RabbitMQ URI, or an empty string for the embedded broker. {@code CE_TEST_RABBITMQ_URI} in the
     *     environment overrides the default, e.g. {@code amqp://guest:guest@127.0.0.1:5672/mine} so that test
     *     runs of several checkouts on one machine use separate virtual hosts.
     */
    public static String localRabbitMqOrEmbedded() {
        String override = System.getenv("CE_TEST_RABBITMQ_URI");
        if (override != null && !override.isBlank()) {
            System.out.println("[messaging test] using RabbitMQ at " + override.replaceAll("//[^@]*@", "//"));
            return override;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            System.out.println("[messaging test] using RabbitMQ at 127.0.0.1:5672");
            return LOCAL_RABBITMQ;
        } catch (IOException e) {
            System.out.println("[messaging test] no RabbitMQ at 127.0.0.1:5672, using the embedded broker");
            return "";
        }
    }

    /**
     * Like {@link #localRabbitMqOrEmbedded()}, and on the shared local RabbitMQ first deletes the platform's
     * queues, so batches an earlier run left behind cannot reach this test's workers and stores.
     */
    public static String freshLocalRabbitMqOrEmbedded() {
        String uri = localRabbitMqOrEmbedded();
        if (!uri.isEmpty()) {
            deletePlatformQueues(uri);
        }
        return uri;
    }

    /**
     * A client connection factory for a broker URI as the platform reads it: for the RabbitMQ client
     * {@code amqp://host:5672/} names the empty virtual host, for the platform (Spring Boot) it means "/".
     */
    public static ConnectionFactory clientFactory(String uri) throws java.net.URISyntaxException,
            java.security.GeneralSecurityException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(uri);
        if (factory.getVirtualHost().isEmpty()) {
            factory.setVirtualHost("/");
        }
        return factory;
    }

    private static void deletePlatformQueues(String uri) {
        try {
            ConnectionFactory factory = clientFactory(uri);
            try (Connection connection = factory.newConnection(); Channel channel = connection.createChannel()) {
                for (PlatformModule module : PlatformModule.values()) {
                    for (String queue : BatchTopology.queues(module)) {
                        channel.queueDelete(queue);
                    }
                }
            }
        } catch (IOException | TimeoutException | java.net.URISyntaxException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot reset the platform's queues on " + uri, e);
        }
    }
}

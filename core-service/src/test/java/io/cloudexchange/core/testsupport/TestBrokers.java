package io.cloudexchange.core.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/** Picks the broker for round-trip tests: a local RabbitMQ when one answers, else the embedded broker. */
public final class TestBrokers {

    public static final String LOCAL_RABBITMQ = "amqp://guest:guest@127.0.0.1:5672/";

    private TestBrokers() {
    }

    /** @return a RabbitMQ URI, or an empty string for the embedded broker */
    public static String localRabbitMqOrEmbedded() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 500);
            System.out.println("[messaging test] using RabbitMQ at 127.0.0.1:5672");
            return LOCAL_RABBITMQ;
        } catch (IOException e) {
            System.out.println("[messaging test] no RabbitMQ at 127.0.0.1:5672, using the embedded broker");
            return "";
        }
    }
}

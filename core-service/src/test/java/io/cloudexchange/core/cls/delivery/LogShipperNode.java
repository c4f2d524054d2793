package io.cloudexchange.core.cls.delivery;

import io.cloudexchange.core.CoreApplication;
import org.springframework.boot.SpringApplication;

/**
 * A core node in its own JVM for the kill -9 test: the whole core application against the MongoDB and
 * RabbitMQ given as arguments, announcing {@value #READY} once started.
 */
public final class LogShipperNode {

    static final String READY = "LOG-SHIPPER-NODE-READY";

    private LogShipperNode() {
    }

    public static void main(String[] args) {
        SpringApplication.run(CoreApplication.class, "--cloudexchange.mongodb.uri=" + args[0],
                "--cloudexchange.rabbitmq.uri=" + args[1], "--cloudexchange.data-dir=" + args[2], "--server.port=0",
                "--cloudexchange.cls.refresh=200ms", "--cloudexchange.cls.backoff-initial=100ms",
                "--cloudexchange.cls.backoff-max=500ms");
        System.out.println(READY);
    }
}

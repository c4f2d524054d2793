package io.cloudexchange.core.embedded;

import io.cloudexchange.core.config.CloudExchangeProperties;
import java.util.List;
import org.springframework.boot.amqp.autoconfigure.RabbitConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without {@code cloudexchange.rabbitmq.uri}, starts the embedded Broker-J and points Spring AMQP at it.
 * With a URI, {@code spring.rabbitmq.addresses} (mapped from the platform property in application.yml)
 * is used and nothing starts here.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBlankProperty("cloudexchange.rabbitmq.uri")
class EmbeddedAmqpConfiguration {

    static final String BROKER_DIR = "embedded/broker";

    @Bean(destroyMethod = "close")
    EmbeddedAmqpBroker embeddedAmqpBroker(CloudExchangeProperties properties) {
        EmbeddedBrokerCredentials credentials = EmbeddedBrokerCredentials.readOrCreate(properties.dataDir());
        CloudExchangeProperties.Embedded embedded = properties.embedded();
        return embedded.inMemory()
                ? EmbeddedAmqpBroker.startInMemory(embedded.amqpPort(), credentials)
                : EmbeddedAmqpBroker.startDurable(properties.dataDir().resolve(BROKER_DIR), embedded.amqpPort(), credentials);
    }

    @Bean
    RabbitConnectionDetails embeddedRabbitConnectionDetails(EmbeddedAmqpBroker broker) {
        return new RabbitConnectionDetails() {
            @Override
            public String getUsername() {
                return broker.username();
            }

            @Override
            public String getPassword() {
                return broker.password();
            }

            @Override
            public String getVirtualHost() {
                return broker.virtualHost();
            }

            @Override
            public List<Address> getAddresses() {
                return List.of(new Address(broker.host(), broker.port()));
            }
        };
    }
}

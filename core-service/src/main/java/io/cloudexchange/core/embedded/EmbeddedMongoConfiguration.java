package io.cloudexchange.core.embedded;

import com.mongodb.ConnectionString;
import io.cloudexchange.core.config.CloudExchangeProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Without {@code cloudexchange.mongodb.uri}, starts the embedded MongoDB-wire server and points Spring
 * Data MongoDB at it. With a URI, this configuration stays out of the way and {@code spring.mongodb.uri}
 * (mapped from the platform property in application.yml) is used.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBlankProperty("cloudexchange.mongodb.uri")
class EmbeddedMongoConfiguration {

    static final String STORE_DIR = "embedded/mongo";

    @Bean(destroyMethod = "close")
    EmbeddedMongoServer embeddedMongoServer(CloudExchangeProperties properties) {
        CloudExchangeProperties.Embedded embedded = properties.embedded();
        return embedded.inMemory()
                ? EmbeddedMongoServer.startInMemory(embedded.mongoPort())
                : EmbeddedMongoServer.startDurable(properties.dataDir().resolve(STORE_DIR), embedded.mongoPort(),
                        embedded.mongoCacheMb());
    }

    @Bean
    MongoConnectionDetails embeddedMongoConnectionDetails(EmbeddedMongoServer server, CloudExchangeProperties properties) {
        ConnectionString connectionString = new ConnectionString(server.connectionString(properties.mongodb().database()));
        return () -> connectionString;
    }

    /** Replaces Spring Boot's MongoDB health indicator (same bean name), whose command the embedded server lacks. */
    @Bean
    EmbeddedMongoHealthIndicator mongoHealthIndicator(MongoTemplate mongo) {
        return new EmbeddedMongoHealthIndicator(mongo);
    }
}

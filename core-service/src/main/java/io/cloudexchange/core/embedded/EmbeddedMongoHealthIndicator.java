package io.cloudexchange.core.embedded;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Health of the embedded MongoDB-wire server. Spring Boot's MongoDB indicator sends {@code hello},
 * which mongo-java-server does not implement; {@code ping} is understood by both it and MongoDB.
 */
class EmbeddedMongoHealthIndicator extends AbstractHealthIndicator {

    private final MongoTemplate mongo;

    EmbeddedMongoHealthIndicator(MongoTemplate mongo) {
        super("Embedded MongoDB health check failed");
        this.mongo = mongo;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Document answer = mongo.executeCommand(new Document("ping", 1));
        builder.up().withDetail("server", "embedded mongo-java-server").withDetail("ping", answer.get("ok"));
    }
}

package io.cloudexchange.core.migrations;

import io.cloudexchange.core.config.CloudExchangeProperties;
import java.time.Clock;
import java.time.Duration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.mongo.MongoLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Schema migrations, and the cluster-wide lock provider they share with scheduled pulls (collection {@code shedLock}). */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "${cloudexchange.scheduler.lock-at-most-for:10m}")
class MigrationConfiguration {

    private static final Duration MIGRATION_LOCK_AT_MOST_FOR = Duration.ofMinutes(10);

    @Bean
    LockProvider lockProvider(MongoTemplate mongo) {
        return new MongoLockProvider(mongo.getDb());
    }

    @Bean
    IndexCreator indexCreator(CloudExchangeProperties properties) {
        return new IndexCreator(properties.mongodb().isEmbedded());
    }

    @Bean
    V1InitialIndexes v1InitialIndexes(IndexCreator indexes) {
        return new V1InitialIndexes(indexes);
    }

    @Bean
    V2ModuleDataIndexes v2ModuleDataIndexes(IndexCreator indexes) {
        return new V2ModuleDataIndexes(indexes);
    }

    @Bean
    MigrationRunner migrationRunner(ObjectProvider<Migration> migrations, MongoTemplate mongo, LockProvider locks, Clock clock) {
        return new MigrationRunner(migrations.orderedStream().toList(), mongo, locks, clock, MIGRATION_LOCK_AT_MOST_FOR);
    }
}

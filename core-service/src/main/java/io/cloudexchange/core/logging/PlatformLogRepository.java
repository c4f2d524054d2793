package io.cloudexchange.core.logging;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface PlatformLogRepository extends MongoRepository<PlatformLogEntry, String> {
}

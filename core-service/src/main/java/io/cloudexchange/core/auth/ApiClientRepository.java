package io.cloudexchange.core.auth;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface ApiClientRepository extends MongoRepository<ApiClient, String> {
}

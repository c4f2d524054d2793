package io.cloudexchange.core.auth;

import java.util.List;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ApiClientRepository extends MongoRepository<ApiClient, String> {

    List<ApiClient> findByOwnerUsername(String ownerUsername, Sort sort);
}

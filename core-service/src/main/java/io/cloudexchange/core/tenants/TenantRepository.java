package io.cloudexchange.core.tenants;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface TenantRepository extends MongoRepository<Tenant, String> {

    Optional<Tenant> findByName(String name);
}

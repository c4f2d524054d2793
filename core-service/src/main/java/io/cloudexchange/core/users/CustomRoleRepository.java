package io.cloudexchange.core.users;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface CustomRoleRepository extends MongoRepository<CustomRole, String> {
}

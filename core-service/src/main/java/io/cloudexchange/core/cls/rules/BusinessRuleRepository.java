package io.cloudexchange.core.cls.rules;

import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface BusinessRuleRepository extends MongoRepository<BusinessRule, String> {

    Optional<BusinessRule> findByName(String name);
}
